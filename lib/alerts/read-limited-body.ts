import { AppError } from "../errors";

export const MAX_ALERT_BODY_BYTES = 1024 * 1024;

/**
 * Reads the raw body (the HMAC is over these exact bytes) and stops at 1 MB without buffering the rest:
 * a sender cannot make the console hold a huge body in memory.
 */
export async function readLimitedBody(request: Request, limit = MAX_ALERT_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
}
