import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor, redactCommand } from "../timeline";
import { collectSectionSteps, isCheckableStep } from "./collect-section-steps";
import { type TCheckRunbookItem, ZCheckRunbookItem } from "./input-schemas";
import { latestChecks } from "./read-checklist-state";
import type { ParsedRunbook } from "./schemas";

export type CheckRunbookItemOptions = {
  incidentId: string;
  incidentRunbookId: string;
  input: TCheckRunbookItem;
  author: EventAuthor;
};

/**
 * Ticks (or unticks) one step of an incident's checklist run. The tick IS the `checklist.item_checked`
 * timeline event: the run's state is derived from the latest event per step, so there is no second copy
 * to drift, and if the event cannot be written nothing changes. Ticking an item already in that state
 * writes nothing.
 */
export async function checkRunbookItem(
  options: CheckRunbookItemOptions,
): Promise<{ event: TimelineEvent | null; isChanged: boolean }> {
  const { stepIndex, isChecked } = ZCheckRunbookItem.parse(options.input);
  return db().$transaction(async (tx) => {
    // Serialise ticks of one run, so "already in that state" is decided on the latest event.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "IncidentRunbook" WHERE id = ${options.incidentRunbookId}
        AND "incidentId" = ${options.incidentId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "This runbook is not attached to the incident.");
    const run = await tx.incidentRunbook.findUniqueOrThrow({
      where: { id: options.incidentRunbookId },
      include: { version: { select: { parsed: true } } },
    });
    const item = collectSectionSteps(run.version.parsed as ParsedRunbook, run.anchor)[stepIndex];
    if (!item || !isCheckableStep(item.step)) {
      throw new AppError("UNPROCESSABLE", "stepIndex: the runbook has no checklist item there.", {
        fields: [{ path: "stepIndex", message: "no checklist item at this position" }],
      });
    }
    const current = (await latestChecks(tx, options.incidentId, [run.id])).get(`${run.id}:${stepIndex}`);
    if ((current?.isChecked ?? false) === isChecked) return { event: null, isChanged: false };
    const event = await appendTimelineEvent(tx, {
      incidentId: options.incidentId,
      kind: "checklist.item_checked",
      author: options.author,
      payload: {
        incidentRunbookId: run.id,
        stepIndex,
        text: redactCommand(item.step.text).slice(0, 500),
        isChecked,
      },
    });
    return { event, isChanged: true };
  });
}
