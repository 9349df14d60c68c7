import type { Actor } from "../../lib/auth/session";
import { db } from "../../lib/db/client";
import type { Incident } from "../../lib/db/generated/client";
import { addTimelineEntry, declareIncident, transitionIncident } from "../../lib/incidents";
import { onIncidentResolved } from "../../lib/postmortems";
import { authorFromActor } from "../../lib/timeline";

/** A seeded demo member as the Actor a route would get from authorize(). */
export async function memberActor(displayName: string): Promise<Actor> {
  const member = await db().member.findFirstOrThrow({ where: { displayName } });
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: member.role,
  };
}

export async function declareTestIncident(options: {
  title: string;
  severity?: string;
  actor: Actor;
  now: Date;
  impact?: string;
}): Promise<Incident> {
  const { incident } = await declareIncident({
    input: {
      title: options.title,
      severity: options.severity ?? "P1",
      detectedVia: "alert",
      impact: options.impact ?? "",
    },
    author: authorFromActor(options.actor),
    commander: options.actor,
    now: options.now,
  });
  return incident;
}

export async function addNote(incident: Incident, actor: Actor, markdown: string, now: Date) {
  return addTimelineEntry({
    incidentId: incident.id,
    entry: { kind: "note.added", markdown },
    author: authorFromActor(actor),
    now,
  });
}

export async function pin(incident: Incident, actor: Actor, eventId: number, now: Date) {
  return addTimelineEntry({
    incidentId: incident.id,
    entry: { kind: "event.pinned", eventId },
    author: authorFromActor(actor),
    now,
  });
}

/** Resolves through the incidents engineer's operation, which calls onIncidentResolved in its transaction. */
export async function resolveIncident(incident: Incident, actor: Actor, now: Date): Promise<Incident> {
  return transitionIncident({
    incidentId: incident.id,
    onResolved: onIncidentResolved,
    transition: { action: "resolve" },
    author: authorFromActor(actor),
    member: { id: actor.id, name: actor.name },
    now,
  });
}

export const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);
