import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContractAction, ParsedRunbook } from "./index";

/** Test helpers for the three real runbooks in shared/runbooks (CI puts shared/ beside the clone). */

const repoRoot = path.resolve(import.meta.dirname, "../..");

export function readSharedRunbook(name: string): string {
  return readFileSync(path.resolve(repoRoot, "../shared/runbooks", name), "utf8");
}

/** Actions of an H2 section and its H3 subsections. */
export function actionsUnder(parsed: ParsedRunbook, anchor: string): ContractAction[] {
  const anchors = new Set(
    parsed.runbooks
      .filter((runbook) => runbook.anchor === anchor || runbook.parent === anchor)
      .map((r) => r.anchor),
  );
  return parsed.actions.filter((action) => action.runbook !== null && anchors.has(action.runbook));
}

export function countActions(actions: ContractAction[]) {
  return {
    sends: actions.filter((action) => action.kind === "send").length,
    calls: actions.filter((action) => action.kind === "call").length,
  };
}

export function sectionOf(parsed: ParsedRunbook, anchor: string) {
  const found = parsed.runbooks.find((runbook) => runbook.anchor === anchor);
  if (!found) throw new Error(`no section ${anchor}`);
  return found;
}

/** Anchors the file's own table of contents links to (GitHub computed these, not our slugger). */
export function tocAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^\d+\. \[[^\]]+\]\(#([^)]+)\)$/gm)].map((match) => match[1]!);
}
