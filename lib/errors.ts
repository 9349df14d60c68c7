// The one error type. Domain code throws AppError; route handlers turn it into the response body and the HTTP
// status of ERROR_STATUS (errorResponse in lib/http/handle-route.ts), and the browser's ApiError
// (components/ui/api-client.ts) carries its message and fields to the forms.

/** Each error code's HTTP status: the one table. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  BAD_GATEWAY: 502,
  UNAVAILABLE: 503,
  // Alert senders are machines: each way a delivery is refused has its own code, so the sender's logs say
  // exactly what to fix (docs/alerts.md lists them).
  INVALID_JSON: 400,
  BAD_CREDENTIALS: 401, // bearer token missing or wrong
  BAD_SIGNATURE: 401, // HMAC signature missing, malformed or wrong
  STALE_TIMESTAMP: 403, // signed correctly, but outside the replay window
  REPLAYED_DELIVERY: 409, // signed correctly, inside the window, but already received once
  UNKNOWN_SOURCE: 404,
  INVALID_ALERT_PAYLOAD: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { path: string; message: string };

// Next bundles instrumentation.ts apart from the routes, so a module wired in at start (lib/auth's
// authenticateRoute, the timeline's subscribers) throws AppErrors made by another copy of this class than the
// one a route checks against. The brand is registered globally (Symbol.for), so `instanceof AppError` means
// "an AppError" whichever copy made it.
const BRAND = Symbol.for("breakglass.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly fields: FieldIssue[];
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { fields?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields ?? [];
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
