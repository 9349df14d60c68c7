import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { attachRoutedRunbooks } from "./attach-routed-runbooks";

type LockedAlert = {
  id: string;
  incidentId: string | null;
  count: number;
  name: string;
  summary: string | null;
};

/**
 * Links an alert to the incident declared for it, with its `alert.fired` event and the routed runbooks, in
 * one transaction. The alert row is locked: of several deliveries racing to link, exactly one does, and a
 * link someone else made meanwhile (a responder declaring from the inbox) is kept.
 */
export async function linkAlertToIncident(options: {
  alertId: string;
  incident: Incident;
  expectedPreviousIncidentId: string | null;
  sourceName: string;
  runbookAnchors: string[];
  author: EventAuthor;
  now: Date;
}): Promise<{ isLinked: boolean; incidentId: string | null }> {
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<LockedAlert[]>`
      SELECT "id", "incidentId", "count", "name", "annotations"->>'summary' AS "summary"
      FROM "Alert" WHERE "id" = ${options.alertId} FOR UPDATE`;
    if (!row) return { isLinked: false, incidentId: null };
    if (row.incidentId === options.incident.id) return { isLinked: false, incidentId: row.incidentId };
    if (row.incidentId !== options.expectedPreviousIncidentId)
      return { isLinked: false, incidentId: row.incidentId };
    await tx.alert.update({
      where: { id: row.id },
      data: { incidentId: options.incident.id, state: "attached" },
    });
    await appendTimelineEvent(tx, {
      incidentId: options.incident.id,
      kind: "alert.fired",
      author: options.author,
      at: options.now,
      payload: {
        alertId: row.id,
        name: row.name,
        source: options.sourceName,
        count: row.count,
        summary: row.summary ?? row.name,
      },
    });
    await attachRoutedRunbooks(tx, {
      incidentId: options.incident.id,
      references: options.runbookAnchors,
      author: options.author,
    });
    return { isLinked: true, incidentId: options.incident.id };
  });
}
