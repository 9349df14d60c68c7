import { readFileSync } from "node:fs";
import path from "node:path";
import type { ContractAction, ParsedRunbook } from "../../lib/runbooks";

/**
 * Test helpers for runbook files inside the repository: the project's example runbooks
 * (examples/runbooks) and the parser fixtures (tests/fixtures/runbooks) that reproduce real-world formats.
 */

const repoRoot = path.resolve(import.meta.dirname, "../..");

export const EXAMPLE_RUNBOOK_FILE = path.join(repoRoot, "examples/runbooks/demo-protocol.md");
export const EXAMPLE_RUNBOOK_TITLE = "Incident Runbooks — Breakglass Demo Protocol";
export const EXAMPLE_RUNBOOK_SLUG = "incident-runbooks-breakglass-demo-protocol";
/** The H2 procedure a responder attaches first in the demo (pause, unpause, pre-unpause checklist). */
export const GLOBAL_PAUSE_ANCHOR = "2-global-protocol-pause";
export const GLOBAL_PAUSE_TITLE = "2. Global Protocol Pause";

export function readExampleRunbook(): string {
  return readFileSync(EXAMPLE_RUNBOOK_FILE, "utf8");
}

export function fixtureRunbookPath(name: string): string {
  return path.join(repoRoot, "tests/fixtures/runbooks", name);
}

export function readFixtureRunbook(name: string): string {
  return readFileSync(fixtureRunbookPath(name), "utf8");
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

/** Anchors the file's own table of contents links to (written as GitHub computes them, not by our slugger). */
export function tocAnchors(markdown: string): string[] {
  return [...markdown.matchAll(/^\d+\. \[[^\]]+\]\(#([^)]+)\)$/gm)].map((match) => match[1]!);
}
