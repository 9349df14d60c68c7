import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import type { AlertSnapshot } from "./alert-state-machine";
import type { IncomingAlert } from "./normalize-alerts";

export type FastRecord = {
  id: string;
  count: number;
  incidentId: string | null;
  isNew: boolean;
  /** The row before this delivery (a plain repeat leaves status, state and incident as they were). */
  previous: AlertSnapshot;
};
type FastRow = Omit<FastRecord, "previous"> & { state: AlertSnapshot["state"]; isIncidentOpen: boolean };

/** `timestamp(3)` columns hold UTC without a zone, as Prisma writes them: convert explicitly in raw SQL. */
function utc(date: Date) {
  return date.toISOString();
}

/**
 * The common case of an alert storm in one statement, without an interactive transaction: a firing alert
 * seen for the first time (inserted, count 1) or repeated while nothing about it changes (count + 1, atomic
 * in the ON CONFLICT update). The WHERE below is `isPlainRepeat` of alert-state-machine.ts in SQL; anything
 * else (a resolved alert firing again, a routed alert still waiting for its incident, an alert not yet
 * attached to its open incident) is left alone (no row returned) for the locked path in ingest-alert.ts.
 */
export async function recordFiringFast(options: {
  sourceId: string;
  alert: IncomingAlert;
  severity: string | null;
  now: Date;
}): Promise<FastRecord | null> {
  const { alert, now } = options;
  const isRouted = options.severity !== null;
  const rows = await db().$queryRaw<FastRow[]>`
    INSERT INTO "Alert" ("id", "sourceId", "dedupKey", "name", "status", "state", "count", "labels",
      "annotations", "severity", "firstSeenAt", "lastSeenAt")
    VALUES (${randomUUID()}, ${options.sourceId}, ${alert.dedupKey}, ${alert.name}, 'firing', 'inbox', 1,
      ${JSON.stringify(alert.labels)}::jsonb, ${JSON.stringify(alert.annotations)}::jsonb, ${options.severity},
      (${utc(now)}::timestamptz AT TIME ZONE 'UTC'), (${utc(now)}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("sourceId", "dedupKey") DO UPDATE SET
      "count" = "Alert"."count" + 1,
      "name" = EXCLUDED."name",
      "labels" = EXCLUDED."labels",
      "annotations" = EXCLUDED."annotations",
      "severity" = EXCLUDED."severity",
      "lastSeenAt" = EXCLUDED."lastSeenAt"
    WHERE "Alert"."status" = 'firing'
      AND NOT (${isRouted} AND "Alert"."incidentId" IS NULL AND "Alert"."state" = 'inbox')
      AND NOT ("Alert"."state" <> 'attached' AND EXISTS (
        SELECT 1 FROM "Incident" i WHERE i."id" = "Alert"."incidentId" AND i."resolvedAt" IS NULL))
    RETURNING "id", "count", "incidentId", "state", (xmax = 0) AS "isNew",
      EXISTS (SELECT 1 FROM "Incident" i WHERE i."id" = "Alert"."incidentId" AND i."resolvedAt" IS NULL)
        AS "isIncidentOpen"`;
  const row = rows[0];
  if (!row) return null;
  const { state, isIncidentOpen, ...record } = row;
  return { ...record, previous: { status: "firing", state, incidentId: row.incidentId, isIncidentOpen } };
}
