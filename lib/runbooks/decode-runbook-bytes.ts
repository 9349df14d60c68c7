import { AppError } from "../errors";

/** Runbooks are text; a 2 MB cap keeps a mistaken upload (a PDF, a log dump) from filling the database. */
export const MAX_RUNBOOK_BYTES = 2 * 1024 * 1024;

// ignoreBOM: the original Markdown is stored exactly as given, byte order mark included.
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// Windows editors save "Unicode" as UTF-16 with a byte order mark; without one, UTF-16 is not guessed.
const utf16 = {
  le: new TextDecoder("utf-16le", { fatal: true }),
  be: new TextDecoder("utf-16be", { fatal: true }),
};

function utf16Of(bytes: Uint8Array): "le" | "be" | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "be";
  return null;
}

function reject(code: "UNPROCESSABLE" | "PAYLOAD_TOO_LARGE", message: string): never {
  throw new AppError(code, `file: ${message}`, { fields: [{ path: "file", message }] });
}

const BINARY = "is a binary file (it contains NUL bytes), not Markdown";

/**
 * The text of an uploaded or pasted runbook (UTF-8, or UTF-16 with a byte order mark), or an AppError
 * naming the problem: too large, binary, not UTF-8, or empty. Checked before anything is parsed or stored.
 * The CLI reads files through this too, so both say the same thing about the same file.
 */
export function decodeRunbookBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_RUNBOOK_BYTES) {
    const size = (bytes.byteLength / 1024 / 1024).toFixed(1);
    reject("PAYLOAD_TOO_LARGE", `is ${size} MB; a runbook may be at most 2 MB`);
  }
  const order = utf16Of(bytes);
  if (order === null && bytes.includes(0)) reject("UNPROCESSABLE", BINARY);
  let text: string;
  try {
    text = order === null ? decoder.decode(bytes) : utf16[order].decode(bytes);
  } catch {
    reject(
      "UNPROCESSABLE",
      order === null
        ? "is not valid UTF-8 text; save it as UTF-8 and try again"
        : "is not valid UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8 and try again",
    );
  }
  if (order !== null && text.includes("\0")) reject("UNPROCESSABLE", BINARY);
  if (text.replace(/^\uFEFF/, "").trim() === "") reject("UNPROCESSABLE", "is empty");
  return text;
}
