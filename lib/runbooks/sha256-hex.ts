import { createHash } from "node:crypto";

/** sha256 of the UTF-8 bytes of a text: decoding with ignoreBOM is lossless, so these are the uploaded bytes. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
