import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { runVerification } from "../verifications";
import { collectSectionSteps } from "./collect-section-steps";
import { type TRunRunbookCheck, ZRunRunbookCheck } from "./input-schemas";
import { verificationSource } from "./read-checklist-state";
import { resolveRunbookAction } from "./resolve-runbook-action";
import type { ParsedRunbook } from "./schemas";

/**
 * Performs a checklist's verification step (`cast call ... # Expected: X`) on chain and records the value,
 * and whether it matched, as a `verification.recorded` event whose source names the step.
 */
export async function runRunbookVerification(options: {
  incidentId: string;
  incidentRunbookId: string;
  input: TRunRunbookCheck;
  author: EventAuthor;
}): Promise<TimelineEvent> {
  const { stepIndex } = ZRunRunbookCheck.parse(options.input);
  const run = await db().incidentRunbook.findFirst({
    where: { id: options.incidentRunbookId, incidentId: options.incidentId },
    include: { version: { select: { parsed: true } } },
  });
  if (!run) throw new AppError("NOT_FOUND", "This runbook is not attached to the incident.");
  const parsed = run.version.parsed as ParsedRunbook;
  const item = collectSectionSteps(parsed, run.anchor)[stepIndex];
  if (item?.step.kind !== "verify") {
    throw new AppError("UNPROCESSABLE", "stepIndex: that step is not a verification read.", {
      fields: [{ path: "stepIndex", message: "not a verification step" }],
    });
  }
  const action = parsed.actions[item.step.actionIndex];
  if (!action?.signature) throw new AppError("UNPROCESSABLE", "The verification has no readable signature.");
  // A drill's reads go to its fork, not to the chain it copies.
  const fork = await db().drill.findUnique({
    where: { incidentId: options.incidentId },
    select: { sourceChainId: true, forkChainId: true },
  });
  const resolved = await resolveRunbookAction(action, { who: item.section.who, fork });
  if (!resolved.contract) {
    throw new AppError(
      "UNPROCESSABLE",
      `${action.target} is not bound to a registry contract: bind it in Settings → Runbook placeholders.`,
    );
  }
  if (resolved.unresolvedArgs.length > 0) {
    const names = resolved.unresolvedArgs.map((arg) => arg.asWritten).join(", ");
    throw new AppError("UNPROCESSABLE", `The read needs values the runbook leaves open: ${names}.`);
  }
  const returns = action.returns.length ? `(${action.returns.join(",")})` : "";
  return runVerification({
    incidentId: options.incidentId,
    contractId: resolved.contract.id,
    signature: `${action.signature}${returns}`,
    args: resolved.args as string[],
    expected: item.step.expect ?? action.expect,
    author: options.author,
    source: verificationSource(run.id, stepIndex),
  });
}
