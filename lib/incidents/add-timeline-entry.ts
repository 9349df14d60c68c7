import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { lockIncident } from "./lock-incident";
import { type TTimelineEntry, ZTimelineEntry } from "./schemas";

function fieldError(path: string, message: string): never {
  throw new AppError("UNPROCESSABLE", `${path}: ${message}.`, { fields: [{ path, message }] });
}

/**
 * Adds a responder's own entry: a note, a pin or unpin, a correction (a new event pointing at the old one:
 * the old row is never changed), or a communication update, which also sets when the next one is due from
 * the cadence of the incident's severity.
 */
export async function addTimelineEntry(options: {
  incidentId: string;
  entry: TTimelineEntry;
  author: EventAuthor;
  now?: Date;
}): Promise<TimelineEvent> {
  const entry = ZTimelineEntry.parse(options.entry);
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    const incident = await lockIncident(tx, options.incidentId);
    const base = { incidentId: incident.id, author: options.author, at: now };
    const target = async (id: number, path: string) => {
      const event = await tx.timelineEvent.findUnique({ where: { id } });
      if (!event || event.incidentId !== incident.id) fieldError(path, `event ${id} is not on this incident`);
      return event;
    };
    switch (entry.kind) {
      case "note.added":
        return appendTimelineEvent(tx, { ...base, kind: entry.kind, payload: { markdown: entry.markdown } });
      case "event.pinned":
      case "event.unpinned": {
        await target(entry.eventId, "eventId");
        // The latest pin/unpin of that event says whether it is pinned now.
        const last = await tx.timelineEvent.findFirst({
          where: {
            incidentId: incident.id,
            kind: { in: ["event.pinned", "event.unpinned"] },
            payload: { path: ["eventId"], equals: entry.eventId },
          },
          orderBy: { id: "desc" },
        });
        const isPinned = last?.kind === "event.pinned";
        if (isPinned === (entry.kind === "event.pinned"))
          throw new AppError(
            "CONFLICT",
            `Event ${entry.eventId} is already ${isPinned ? "pinned" : "unpinned"}.`,
          );
        return appendTimelineEvent(tx, { ...base, kind: entry.kind, payload: { eventId: entry.eventId } });
      }
      case "event.corrected": {
        await target(entry.correctsId, "correctsId");
        return appendTimelineEvent(tx, {
          ...base,
          kind: entry.kind,
          correctsId: entry.correctsId,
          payload: { markdown: entry.markdown },
        });
      }
      case "comms.update_posted": {
        const nextUpdateDueAt = incident.resolvedAt
          ? null
          : new Date(now.getTime() + incident.updateCadenceSeconds * 1000);
        await tx.incident.update({ where: { id: incident.id }, data: { nextUpdateDueAt } });
        return appendTimelineEvent(tx, {
          ...base,
          kind: entry.kind,
          payload: {
            template: entry.template,
            text: entry.text,
            nextUpdateDueAt: nextUpdateDueAt?.toISOString() ?? null,
          },
        });
      }
    }
  });
}
