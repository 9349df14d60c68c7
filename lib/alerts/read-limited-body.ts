import { readBodyBytes } from "../http/read-body";

export const MAX_ALERT_BODY_BYTES = 1024 * 1024;

/**
 * Reads the raw body (the HMAC is over these exact bytes) and stops at 1 MB without buffering the rest:
 * a sender cannot make the console hold a huge body in memory.
 */
export async function readLimitedBody(request: Request, limit = MAX_ALERT_BODY_BYTES): Promise<Buffer> {
  const bytes = await readBodyBytes(request, limit);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
