import type { DbTransaction } from "../db/client";
import type { Incident } from "../db/generated/client";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { computePostMortemDueAt } from "./due-date";
import { loadDraftInput } from "./load-draft-input";
import { renderPostMortemDraft } from "./render-postmortem-draft";

/**
 * Called inside the transaction that resolves an incident: drafts its post-mortem from the timeline, with
 * the due date of the incident's severity level, and records `postmortem.created` in the same transaction.
 * An incident resolved again after a reopen keeps the post-mortem people may already have edited.
 */
export async function onIncidentResolved(
  tx: DbTransaction,
  incident: Incident,
  author: EventAuthor,
): Promise<void> {
  const existing = await tx.postMortem.findUnique({ where: { incidentId: incident.id } });
  if (existing) return;
  // The resolve operation sets resolvedAt before calling; "now" only guards a caller that did not.
  const resolvedAt = incident.resolvedAt ?? new Date();
  // The incident keeps a copy of its severity, but not the post-mortem allowance: look the level up by
  // name. A level renamed or deleted since declaration falls back to the 48 h of the runbooks.
  const level = await tx.severityLevel.findUnique({ where: { name: incident.severityName } });
  const dueAt = computePostMortemDueAt(resolvedAt, level?.postmortemDueSeconds);
  const body = renderPostMortemDraft(await loadDraftInput(tx, incident, resolvedAt, dueAt));
  const postMortem = await tx.postMortem.create({
    data: {
      incidentId: incident.id,
      body,
      version: 1,
      dueAt,
      // Revision 1 is the generated draft: no person wrote it (authorId null = Breakglass).
      revisions: { create: { version: 1, body, authorId: null } },
    },
  });
  await appendTimelineEvent(tx, {
    incidentId: incident.id,
    kind: "postmortem.created",
    author,
    payload: { postMortemId: postMortem.id, dueAt: dueAt.toISOString() },
  });
}
