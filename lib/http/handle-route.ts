import { NextResponse } from "next/server";
import { ZodError, type z } from "zod";
import { isDatabaseDown } from "../db/is-database-down";
import { AppError, type FieldIssue, isAppError } from "../errors";
import { metrics, routeLabel } from "../metrics/registry";

export type ErrorBody = { error: { code: string; message: string; fields: FieldIssue[] } };

const MAX_BODY_BYTES = 1024 * 1024;

export function fieldsFromZod(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(body)", message: issue.message }));
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  if (error instanceof ZodError) {
    const fields = fieldsFromZod(error);
    const first = fields[0]!;
    return NextResponse.json(
      { error: { code: "UNPROCESSABLE", message: `${first.path}: ${first.message}`, fields } },
      { status: 422 },
    );
  }
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fields: error.fields } },
      { status: error.status },
    );
  }
  if (isDatabaseDown(error)) {
    return NextResponse.json(
      {
        error: {
          code: "UNAVAILABLE",
          message: "The database is unreachable; try again in a moment.",
          fields: [],
        },
      },
      { status: 503 },
    );
  }
  // Unknown errors are logged once on the server; the client sees no internals.
  console.error("[breakglass] unexpected error", error);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on the server.", fields: [] } },
    { status: 500 },
  );
}

/** Reads and validates a JSON body: 413 when too large, 400 when not JSON, 422 naming the field when invalid. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The body is larger than 1 MB.");
  let json: unknown;
  try {
    json = text === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  return schema.parse(json);
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/** Wraps a route handler so every error becomes the one JSON error shape, and its latency is measured. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = errorResponse(error);
    }
    const labels = {
      route: routeLabel(new URL(request.url).pathname),
      method: request.method,
      status: String(response.status),
    };
    metrics().httpDuration.observe(labels, (performance.now() - started) / 1000);
    return response;
  };
}
