import { AppError } from "../errors";

/** Runbooks are text; a 2 MB cap keeps a mistaken upload (a PDF, a log dump) from filling the database. */
export const MAX_RUNBOOK_BYTES = 2 * 1024 * 1024;

// ignoreBOM: the original Markdown is stored exactly as given, byte order mark included.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function reject(code: "UNPROCESSABLE" | "PAYLOAD_TOO_LARGE", message: string): never {
  throw new AppError(code, `file: ${message}`, { fields: [{ path: "file", message }] });
}

/**
 * The text of an uploaded or pasted runbook, or an AppError naming the problem: too large, binary,
 * not UTF-8, or empty. Checked before anything is parsed or stored.
 */
export function decodeRunbookBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_RUNBOOK_BYTES) {
    const size = (bytes.byteLength / 1024 / 1024).toFixed(1);
    reject("PAYLOAD_TOO_LARGE", `is ${size} MB; a runbook may be at most 2 MB`);
  }
  if (bytes.includes(0)) reject("UNPROCESSABLE", "is a binary file (it contains NUL bytes), not Markdown");
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    reject("UNPROCESSABLE", "is not valid UTF-8 text; save it as UTF-8 and try again");
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") reject("UNPROCESSABLE", "is empty");
  return text;
}
