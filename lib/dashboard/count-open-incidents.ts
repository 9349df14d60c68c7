import { db } from "../db/client";

export type OpenBySeverity = { severityName: string; severityRank: number; color: string; count: number };

/**
 * Open (unresolved) incidents per severity, most severe first. Drills are left out of every dashboard figure:
 * practice must not look like an outage or flatter the response times.
 */
export async function countOpenIncidentsBySeverity(): Promise<OpenBySeverity[]> {
  const rows = await db().$queryRaw<OpenBySeverity[]>`
    SELECT "severityName", min("severityRank")::int AS "severityRank", max("severityColor") AS color,
           count(*)::int AS count
    FROM "Incident"
    WHERE "resolvedAt" IS NULL AND NOT "isDrill"
    GROUP BY "severityName"
    ORDER BY 2, 1`;
  return rows;
}
