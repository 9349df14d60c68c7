import { db } from "../db/client";

/** Averages in seconds (null when no incident of the group reached that point). */
export type ResponseTimes = {
  declared: number;
  acknowledged: number;
  mttaSeconds: number | null;
  resolved: number;
  mttrSeconds: number | null;
  contained: number;
  ttcSeconds: number | null;
};

export type ResponseTimesRow = ResponseTimes & {
  severityName: string;
  severityRank: number;
  color: string;
  /** Start of the weekly bucket; null on the row that sums the whole window for the severity. */
  bucket: Date | null;
};

/**
 * MTTA (declared → acknowledged), MTTR (declared → resolved) and time to contain per severity, per week and
 * for the whole window, in one scan (GROUPING SETS). The whole-window figure is averaged over incidents, not
 * over weeks: a quiet week with one slow incident must not weigh as much as a busy one.
 *
 * Contained means the chain said so: the first passing `verification.recorded` of a pause read (signature
 * like "isGloballyPaused()", not "unpause", actual "true"). Only without one does the stamp a person set
 * (containedAt) count. Incidents are bucketed by the week they were declared in.
 */
export async function aggregateResponseTimes(window: { from: Date; to: Date }): Promise<ResponseTimesRow[]> {
  const rows = await db().$queryRaw<(Omit<ResponseTimesRow, "bucket"> & { bucket: Date; isTotal: number })[]>`
    WITH scoped AS (
      SELECT i."severityName", i."severityRank", i."severityColor", i."declaredAt", i."acknowledgedAt",
             i."resolvedAt",
             COALESCE(
               (SELECT min(e."createdAt") FROM "TimelineEvent" e
                 WHERE e."incidentId" = i.id AND e.kind = 'verification.recorded'
                   AND e.payload->>'signature' ~* 'paus' AND e.payload->>'signature' !~* 'unpaus'
                   AND e.payload->>'actual' = 'true'
                   AND COALESCE(e.payload->>'isPassed', 'true') <> 'false'),
               i."containedAt") AS "containedAt",
             date_bin('7 days', i."declaredAt", ${window.from}::timestamp) AS bucket
      FROM "Incident" i
      WHERE i."declaredAt" >= ${window.from}::timestamp AND i."declaredAt" < ${window.to}::timestamp
        AND NOT i."isDrill"
    )
    SELECT "severityName", min("severityRank")::int AS "severityRank", max("severityColor") AS color,
           bucket, GROUPING(bucket)::int AS "isTotal",
           count(*)::int AS declared,
           count("acknowledgedAt")::int AS acknowledged,
           avg(extract(epoch FROM "acknowledgedAt" - "declaredAt"))::float8 AS "mttaSeconds",
           count("resolvedAt")::int AS resolved,
           avg(extract(epoch FROM "resolvedAt" - "declaredAt"))::float8 AS "mttrSeconds",
           count("containedAt")::int AS contained,
           avg(extract(epoch FROM "containedAt" - "declaredAt"))::float8 AS "ttcSeconds"
    FROM scoped
    GROUP BY GROUPING SETS (("severityName", bucket), ("severityName"))
    ORDER BY 2, 1, bucket NULLS FIRST`;
  return rows.map(({ isTotal, bucket, ...row }) => ({ ...row, bucket: isTotal ? null : bucket }));
}
