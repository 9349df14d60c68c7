import type { DbTransaction } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { TIMELINE_EVENT_SCHEMAS, type TimelineEventKind, type TimelinePayload } from "./event-kinds";
import { runTimelineHooks } from "./timeline-hooks";
import { timelineSubscribers } from "./timeline-subscribers";

/** Who wrote an event: a member, an API token, an alert source or the console itself. */
export type EventAuthor = { type: "member" | "api" | "alert" | "system"; id: string | null; label: string };

/** Structural, so the timeline (kernel) needs nothing from lib/auth: an auth `Actor` fits. */
export function authorFromActor(actor: { kind: "member" | "api"; id: string; name: string }): EventAuthor {
  return { type: actor.kind, id: actor.id, label: actor.name };
}

export const SYSTEM_AUTHOR: EventAuthor = { type: "system", id: null, label: "Breakglass" };

/**
 * Appends one event inside the caller's transaction: if the event cannot be written, the change it records
 * is rolled back with it. The payload is validated against its kind.
 */
export async function appendTimelineEvent<K extends TimelineEventKind>(
  tx: DbTransaction,
  event: {
    incidentId: string;
    kind: K;
    payload: TimelinePayload<K>;
    author: EventAuthor;
    correctsId?: number;
    at?: Date;
  },
): Promise<TimelineEvent> {
  const subscribers = timelineSubscribers();
  const payload = TIMELINE_EVENT_SCHEMAS[event.kind].parse(event.payload);
  const createdEvent = await tx.timelineEvent.create({
    data: {
      incidentId: event.incidentId,
      kind: event.kind,
      payload: payload as object,
      authorType: event.author.type,
      authorId: event.author.id,
      authorLabel: event.author.label,
      correctsId: event.correctsId ?? null,
      ...(event.at ? { createdAt: event.at } : {}),
    },
  });
  // Subscribers (outgoing notifications) run in the same transaction as the event they react to.
  for (const subscriber of subscribers) await subscriber(tx, createdEvent);
  // And whatever the edge registered (pages on declaration, on a proposal, on a signature), likewise.
  await runTimelineHooks(tx, createdEvent);
  return createdEvent;
}
