import { db } from "../db/client";
import { AppError } from "../errors";
import { type ResolvedRunbookAction, resolveRunbookAction } from "./resolve-runbook-action";
import type { ContractAction, ParsedRunbook, RunbookSection } from "./schemas";

export type LoadedRunbookAction = {
  versionId: string;
  actionIndex: number;
  action: ContractAction;
  section: RunbookSection | null;
  resolved: ResolvedRunbookAction;
};

/**
 * A runbook action by reference, as the proposal link carries it (`runbook=<versionId>:<anchor>:<index>`),
 * resolved for a proposal form. The section's "Who:" is the role hint.
 */
export async function loadRunbookAction(options: {
  versionId: string;
  actionIndex: number;
}): Promise<LoadedRunbookAction> {
  const version = await db().runbookVersion.findUnique({
    where: { id: options.versionId },
    select: { id: true, parsed: true },
  });
  if (!version) throw new AppError("NOT_FOUND", "No such runbook version.");
  const parsed = version.parsed as ParsedRunbook;
  const action = parsed.actions[options.actionIndex];
  if (!action) throw new AppError("NOT_FOUND", `The runbook has no action ${options.actionIndex}.`);
  const section = parsed.runbooks.find((candidate) => candidate.anchor === action.runbook) ?? null;
  const resolved = await resolveRunbookAction(action, { who: section?.who ?? null });
  return { versionId: version.id, actionIndex: options.actionIndex, action, section, resolved };
}

/** `<versionId>:<anchor>:<actionIndex>` → its parts; null when malformed. Anchors may contain ':'. */
export function parseRunbookActionRef(
  ref: string,
): { versionId: string; anchor: string; actionIndex: number } | null {
  const match = /^([^:]+):(.*):(\d+)$/.exec(ref);
  if (!match) return null;
  return { versionId: match[1]!, anchor: match[2]!, actionIndex: Number(match[3]) };
}
