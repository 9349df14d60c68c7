import { AppError } from "../errors";
import type { ParsedRunbook } from "./schemas";

/**
 * A text with no headings and nothing to do in it parses to no sections; storing it would make an empty
 * runbook nobody can attach. Import and preview refuse it the same way, naming why.
 */
export function requireRunbookSections(parsed: ParsedRunbook): void {
  if (parsed.runbooks.length > 0) return;
  const message =
    "has no sections: a runbook needs Markdown headings (`## Pause the bridge`) or steps (`- [ ] ...`, `cast send ...`), and this text has neither";
  throw new AppError("UNPROCESSABLE", `file: ${message}`, { fields: [{ path: "file", message }] });
}
