import type { DbTransaction } from "../db/client";
import { db } from "../db/client";
import type { Page } from "../db/generated/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import { cancelSteps, type StepPayload, scheduleStep } from "./paging-jobs";
import { queueDeliveries } from "./queue-deliveries";
import { membersForOwners, type Recipient, resolveTargets } from "./resolve-recipients";
import { ZPolicyLevel } from "./schemas";
import { type PendingSigners, pendingProposalSigners, unsignedOwnersOfSafe } from "./signer-sources";

/** A signers' page reminds at most this many times (days of reminders at a few minutes apart). */
const MAX_REMINDERS = 500;

/** Locks the page row for the step: a step and an acknowledgement never interleave. */
async function lockPage(tx: DbTransaction, pageId: string): Promise<Page | null> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "Page" WHERE "id" = ${pageId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.page.findUnique({ where: { id: pageId } });
}

async function sent(
  tx: DbTransaction,
  page: Page,
  step: { level: number; round: number; isReminder: boolean },
  reached: Recipient[],
  unreachable: string[],
) {
  if (!page.incidentId) return;
  await appendTimelineEvent(tx, {
    incidentId: page.incidentId,
    kind: "page.sent",
    author: SYSTEM_AUTHOR,
    payload: {
      pageId: page.id,
      subject: page.subjectType as "incident" | "proposal" | "kit",
      level: step.level,
      round: step.round,
      isReminder: step.isReminder,
      recipients: reached.map((r) => ({ id: r.memberId, name: r.name })),
      unreachable,
    },
  });
}

/** Closes a page (in the caller's transaction): no further steps, queued deliveries are not sent. */
export async function stopPageInTx(tx: DbTransaction, page: Page, reason: string, now: Date): Promise<void> {
  await tx.page.update({
    where: { id: page.id },
    data: { state: "stopped", stoppedAt: now, stopReason: reason },
  });
  await cancelSteps(tx, page.id);
  if (page.incidentId)
    await appendTimelineEvent(tx, {
      incidentId: page.incidentId,
      kind: "page.stopped",
      author: SYSTEM_AUTHOR,
      payload: { pageId: page.id, reason },
    });
}

/**
 * One step of a page (the paging.step job). An incident page pages its policy's level `level`, records an
 * escalation when it moves up, and schedules the next level after its delay (then the ladder again,
 * `repeatCount` times, `reminderSeconds` apart). A signers' page re-reads who has not signed, stops at
 * threshold, and otherwise pages exactly those owners and schedules the next reminder.
 */
export async function runPageStep(step: StepPayload, now = new Date()): Promise<void> {
  const page = await db().page.findUnique({ where: { id: step.pageId } });
  if (page?.state !== "open") return;
  if (page.subjectType === "incident") return runIncidentStep(page, step, now);
  // Read outside the transaction: the chain can be slow, and a lock must not wait on it.
  const pending: PendingSigners =
    page.subjectType === "proposal"
      ? await pendingProposalSigners(page.subjectId)
      : {
          owners: page.pendingOwners,
          isDone: page.pendingOwners.length === 0,
          reason: "every owner has signed",
        };
  await db().$transaction(async (tx) => {
    const locked = await lockPage(tx, page.id);
    const label = `S${step.round}`;
    if (locked?.state !== "open" || locked.lastStep === label) return;
    if (pending.isDone) return stopPageInTx(tx, locked, pending.reason ?? "nothing left to sign", now);
    const { members, unknownOwners } = await membersForOwners(tx, pending.owners);
    const { reached, unreachable } = await queueDeliveries(tx, page.id, members, label);
    await sent(tx, locked, { level: 0, round: step.round, isReminder: step.round > 0 }, reached, [
      ...unreachable,
      ...unknownOwners,
    ]);
    await tx.page.update({
      where: { id: page.id },
      data: { pendingOwners: pending.owners, round: step.round, lastStep: label },
    });
    if (step.round + 1 < MAX_REMINDERS)
      await scheduleStep(
        tx,
        { pageId: page.id, level: 0, round: step.round + 1 },
        new Date(now.getTime() + locked.reminderSeconds * 1000),
      );
  });
}

async function runIncidentStep(page: Page, step: StepPayload, now: Date): Promise<void> {
  const policy = page.policyId
    ? await db().escalationPolicy.findUnique({ where: { id: page.policyId } })
    : null;
  const levels = policy ? ZPolicyLevel.array().safeParse(policy.levels) : null;
  const level = levels?.success ? levels.data[step.level] : undefined;
  if (!policy || !levels?.success || !level) {
    await db().$transaction(async (tx) => {
      const locked = await lockPage(tx, page.id);
      if (locked?.state === "open")
        await stopPageInTx(tx, locked, "its escalation policy was deleted or changed", now);
    });
    return;
  }
  // Safe targets read the chain: before the transaction.
  const unsigned = new Map<string, string[]>();
  for (const target of level.targets)
    if (target.kind === "safe_unsigned")
      unsigned.set(target.safeId, await unsignedOwnersOfSafe(target.safeId, page.incidentId));
  await db().$transaction(async (tx) => {
    const locked = await lockPage(tx, page.id);
    const label = `L${step.level}R${step.round}`;
    if (locked?.state !== "open" || locked.lastStep === label) return;
    const { members, unknownOwners } = await resolveTargets(tx, level.targets, {
      now,
      unsignedOwners: async (safeId) => unsigned.get(safeId) ?? [],
    });
    const { reached, unreachable } = await queueDeliveries(tx, page.id, members, label);
    if (step.level > 0 && page.incidentId)
      await appendTimelineEvent(tx, {
        incidentId: page.incidentId,
        kind: "page.escalated",
        author: SYSTEM_AUTHOR,
        payload: { pageId: page.id, fromLevel: step.level - 1, toLevel: step.level, round: step.round },
      });
    await sent(tx, locked, { level: step.level, round: step.round, isReminder: step.round > 0 }, reached, [
      ...unreachable,
      ...unknownOwners,
    ]);
    await tx.page.update({
      where: { id: page.id },
      data: { level: step.level, round: step.round, lastStep: label },
    });
    const next = levels.data[step.level + 1];
    if (next)
      await scheduleStep(
        tx,
        { pageId: page.id, level: step.level + 1, round: step.round },
        new Date(now.getTime() + next.delaySeconds * 1000),
      );
    else if (step.round < policy.repeatCount)
      await scheduleStep(
        tx,
        { pageId: page.id, level: 0, round: step.round + 1 },
        new Date(now.getTime() + policy.reminderSeconds * 1000),
      );
  });
}
