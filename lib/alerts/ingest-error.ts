import { NextResponse } from "next/server";
import type { FieldIssue } from "../errors";

/**
 * Alert senders are machines: each way a delivery is refused has its own status and code, so the sender's
 * logs say exactly what to fix. A refused delivery stores nothing.
 */
export const INGEST_ERRORS = {
  INVALID_JSON: 400,
  BAD_CREDENTIALS: 401, // bearer token missing or wrong
  BAD_SIGNATURE: 401, // HMAC signature missing, malformed or wrong
  STALE_TIMESTAMP: 403, // signed correctly, but outside the replay window
  UNKNOWN_SOURCE: 404,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_ALERT_PAYLOAD: 422,
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "IngestError";
  }

  get status(): number {
    return INGEST_ERRORS[this.code];
  }

  toResponse(): NextResponse {
    const headers: Record<string, string> =
      this.status === 401 ? { "www-authenticate": 'Bearer realm="breakglass-alerts"' } : {};
    return NextResponse.json(
      { error: { code: this.code, message: this.message, fields: this.fields } },
      { status: this.status, headers },
    );
  }
}
