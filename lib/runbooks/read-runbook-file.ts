import { readFileSync } from "node:fs";
import { decodeRunbookBytes } from "./decode-runbook-bytes";

/**
 * Reads a runbook file as text, or says in one line why it cannot: missing, a directory, unreadable, or
 * anything decodeRunbookBytes refuses (too large, binary, not UTF-8/UTF-16, empty). The CLI prints that
 * line and exits 2.
 */
export type RunbookFileResult = { isOk: true; text: string } | { isOk: false; reason: string };

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
  try {
    return { isOk: true, text: decodeRunbookBytes(bytes) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { isOk: false, reason: `${path}: ${message.replace(/^file: /, "")}` };
  }
}
