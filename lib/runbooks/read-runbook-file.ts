import { readFileSync } from "node:fs";

/**
 * Reads a runbook file as text, or says in one line why it cannot: missing, a directory, unreadable,
 * binary (NUL bytes), not UTF-8, or empty. The CLI prints that line and exits 2.
 */
export type RunbookFileResult = { isOk: true; text: string } | { isOk: false; reason: string };

const decoder = new TextDecoder("utf-8", { fatal: true });

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message.split("\n")[0]! : "cannot be read";
}

export function readRunbookFile(path: string): RunbookFileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { isOk: false, reason: `${path}: ${describeReadError(error)}` };
  }
  if (bytes.includes(0))
    return { isOk: false, reason: `${path}: binary file (contains NUL bytes), not Markdown` };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { isOk: false, reason: `${path}: not valid UTF-8 text` };
  }
  if (text.replace(/^\uFEFF/, "").trim() === "") return { isOk: false, reason: `${path}: empty file` };
  return { isOk: true, text };
}
