import type { z } from "zod";
import { AppError } from "../errors";
import { findNulPath, isJsonTooDeep, MAX_JSON_DEPTH, NUL_MESSAGE } from "./input-fields";

/** The JSON bodies the console's routes take are small; uploads pass their own limit. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

function tooLarge(limit: number): AppError {
  const size =
    limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${size}.`);
}

/**
 * The body's bytes, counted while they arrive: a declared Content-Length over the limit is refused unread,
 * and a chunked body (no length) is cancelled at the first byte past it. `request.text()`/`arrayBuffer()`
 * would buffer a 150 MB body before any check could run.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  if (request.bodyUsed) throw new AppError("BAD_REQUEST", "The body was already read.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** `application/json` or `application/<something>+json`, with any parameters (charset). */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

/** Parses JSON text: 400 when it is not JSON, 422 when it nests absurdly deep or carries a NUL (naming where). */
export function parseJsonText(text: string): unknown {
  if (isJsonTooDeep(text)) {
    throw new AppError("UNPROCESSABLE", `(body): nested deeper than ${MAX_JSON_DEPTH} levels`, {
      fields: [{ path: "(body)", message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
  const nulAt = findNulPath(json);
  if (nulAt) {
    throw new AppError("UNPROCESSABLE", `${nulAt}: ${NUL_MESSAGE}`, {
      fields: [{ path: nulAt, message: NUL_MESSAGE }],
    });
  }
  return json;
}

/**
 * Reads and validates a JSON body: 415 unless it is sent as `application/json` (a `text/plain` form post is
 * how another page on the same site would forge one), 413 when too large (counted while reading), 400 when not
 * JSON, 422 naming the field when invalid. An empty body is `{}`.
 */
export async function readJson<S extends z.ZodType>(
  request: Request,
  schema: S,
  options: { limit?: number } = {},
): Promise<z.infer<S>> {
  const contentType = request.headers.get("content-type");
  const bytes = await readBodyBytes(request, options.limit ?? MAX_JSON_BODY_BYTES);
  if (bytes.byteLength > 0 || contentType) {
    if (!isJsonContentType(contentType))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid UTF-8.");
  }
  return schema.parse(text.trim() === "" ? {} : parseJsonText(text));
}

/** The form of an upload route, read within `limit` bytes (multipart only where an upload is expected). */
export async function readMultipart(request: Request, limit: number): Promise<FormData> {
  const bytes = await readBodyBytes(request, limit);
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The form could not be read.");
  }
}
