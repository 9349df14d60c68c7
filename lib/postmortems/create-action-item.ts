import type { Actor } from "../auth";
import { db } from "../db/client";
import type { ActionItem } from "../db/generated/client";
import { getIncidentByRef } from "../incidents";
import { appendTimelineEvent, authorFromActor } from "../timeline";
import type { TCreateActionItem } from "./schemas";
import { validateActionItemLinks } from "./validate-action-item-links";

/** Adds a follow-up to an incident, with `action_item.created` on its timeline in the same transaction. */
export async function createActionItem(options: {
  input: TCreateActionItem;
  actor: Actor;
}): Promise<ActionItem> {
  const { input } = options;
  const incident = await getIncidentByRef(input.incidentRef);
  return db().$transaction(async (tx) => {
    const { ownerName } = await validateActionItemLinks(tx, input);
    const item = await tx.actionItem.create({
      data: {
        incidentId: incident.id,
        title: input.title,
        ownerId: input.ownerId ?? null,
        dueAt: input.dueAt ?? null,
        runbookId: input.runbookId ?? null,
        createdBy: options.actor.id,
      },
    });
    await appendTimelineEvent(tx, {
      incidentId: incident.id,
      kind: "action_item.created",
      author: authorFromActor(options.actor),
      payload: { actionItemId: item.id, title: item.title, owner: ownerName },
    });
    return item;
  });
}
