import { db } from "../db/client";
import { collectSectionSteps } from "./collect-section-steps";
import { parseRunbookActionRef } from "./load-runbook-action";
import { latestChecks } from "./read-checklist-state";
import type { ParsedRunbook } from "./schemas";

/** A pre-unpause checklist, as teams title it: "Pre-unpause Checklist", "Before unpausing". */
const PRE_UNPAUSE = /pre[- ]?unpaus|before unpaus/i;
const UNPAUSE = /unpause/i;
const RECOVERY = /unpaus|resum|recover/i;

export type ProposalGuard =
  | { guard: "pre_unpause_checklist"; action: string; unchecked: string[] }
  | {
      guard: "duplicate_action";
      action: string;
      unchecked: string[];
      existing: { id: string; title: string; state: string };
    };

/**
 * What stands between a proposal and its creation without a commander's override: an unpause-like call
 * (its function unpauses, or it comes from a runbook procedure with a pre-unpause checklist) while that
 * checklist has unticked items on this incident; or a runbook action that already has an open or executed
 * proposal on this incident (a second pause is at best noise, at worst a nonce collision).
 */
export async function assessProposalGuards(options: {
  incidentId: string;
  signatures: string[];
  /** `<versionId>:<anchor>:<actionIndex>`, when the proposal comes from a runbook step. */
  runbook?: string;
}): Promise<ProposalGuard[]> {
  const guards: ProposalGuard[] = [];
  const runs = await db().incidentRunbook.findMany({
    where: { incidentId: options.incidentId },
    include: { version: { select: { parsed: true } } },
  });
  const checks = await latestChecks(
    db(),
    options.incidentId,
    runs.map((run) => run.id),
  );
  const action = options.signatures.join(" + ");
  const ref = options.runbook ? parseRunbookActionRef(options.runbook) : null;
  const versionId = ref?.versionId;
  const anchor = ref?.anchor;
  let isFromUnpauseProcedure = false;
  const unchecked: string[] = [];
  for (const run of runs) {
    const steps = collectSectionSteps(run.version.parsed as ParsedRunbook, run.anchor);
    const checklist = steps.filter((s) => PRE_UNPAUSE.test(s.section.title) && s.step.kind === "check");
    // The action's own section is the recovery one (Unpause, Resume, Recovery) of a procedure that keeps a
    // pre-unpause checklist: the pause beside it in the same procedure is not guarded.
    const own = steps.find((s) => s.section.anchor === anchor)?.section;
    if (checklist.length > 0 && run.versionId === versionId && own && RECOVERY.test(own.title))
      isFromUnpauseProcedure = true;
    for (const item of checklist)
      if (!checks.get(`${run.id}:${item.index}`)?.isChecked) unchecked.push(item.step.text);
  }
  const isUnpauseLike =
    options.signatures.some((signature) => UNPAUSE.test(signature)) || isFromUnpauseProcedure;
  if (isUnpauseLike && unchecked.length > 0)
    guards.push({ guard: "pre_unpause_checklist", action, unchecked });

  if (options.runbook) {
    const existing = await db().safeProposal.findFirst({
      where: {
        incidentId: options.incidentId,
        source: { path: ["runbook"], equals: options.runbook },
        state: { in: ["draft", "signing", "ready", "executed"] },
      },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, state: true },
    });
    if (existing) guards.push({ guard: "duplicate_action", action, unchecked: [], existing });
  }
  return guards;
}

/** The sentence a commander reads before deciding to override. */
export function describeGuard(guard: ProposalGuard): string {
  if (guard.guard === "pre_unpause_checklist")
    return `${guard.action} is an unpause: the pre-unpause checklist has ${guard.unchecked.length} unchecked item(s): ${guard.unchecked.join("; ")}`;
  return `This runbook action was already proposed: "${guard.existing.title}" is ${guard.existing.state}`;
}
