import type { Actor } from "../auth";
import { db } from "../db/client";
import type { ActionItem } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, authorFromActor } from "../timeline";
import type { TUpdateActionItem } from "./schemas";
import { validateActionItemLinks } from "./validate-action-item-links";

/**
 * Changes an action item's status, owner, due date or runbook link. A status change is recorded as
 * `action_item.status_changed`, any other change as `action_item.updated`, in the same transaction.
 */
export async function updateActionItem(options: {
  id: string;
  input: TUpdateActionItem;
  actor: Actor;
}): Promise<ActionItem> {
  const { input } = options;
  const author = authorFromActor(options.actor);
  return db().$transaction(async (tx) => {
    // Row lock: two status changes at once are recorded in order, each with the right "from".
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "ActionItem" WHERE id = ${options.id} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", "No such action item.");
    const item = await tx.actionItem.findUniqueOrThrow({ where: { id: options.id } });
    const next = {
      status: input.status ?? item.status,
      ownerId: input.ownerId === undefined ? item.ownerId : input.ownerId,
      dueAt: input.dueAt === undefined ? item.dueAt : input.dueAt,
      runbookId: input.runbookId === undefined ? item.runbookId : input.runbookId,
    };
    const { ownerName, runbookTitle } = await validateActionItemLinks(tx, next);
    const updated = await tx.actionItem.update({ where: { id: item.id }, data: next });
    const base = { incidentId: item.incidentId, author };
    if (next.status !== item.status) {
      await appendTimelineEvent(tx, {
        ...base,
        kind: "action_item.status_changed",
        payload: { actionItemId: item.id, title: item.title, from: item.status, to: next.status },
      });
    }
    const isOtherChange =
      next.ownerId !== item.ownerId ||
      next.runbookId !== item.runbookId ||
      next.dueAt?.getTime() !== item.dueAt?.getTime();
    if (isOtherChange) {
      await appendTimelineEvent(tx, {
        ...base,
        kind: "action_item.updated",
        payload: {
          actionItemId: item.id,
          title: item.title,
          owner: ownerName,
          dueAt: next.dueAt?.toISOString() ?? null,
          runbook: runbookTitle,
        },
      });
    }
    return updated;
  });
}
