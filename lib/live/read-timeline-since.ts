import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { Prisma } from "../db/generated/client";

const MAX_EVENTS = 5000;

/**
 * The events of an incident a stream may not have sent yet, and the point to resume from next time.
 *
 * Ids come from a sequence when a row is inserted, so a transaction holding id 10 can commit after the one
 * holding id 11: "id > last" alone can skip 10 for good. The events read here are those with a higher id
 * than `afterId`, or written by a transaction at or after `txidFrom` (the oldest transaction still running
 * at the caller's previous read). `snapshotXmin` is that bound for this read, taken from the same snapshot:
 * every event not visible here belongs to a transaction at or after it. Re-sent events are harmless (the
 * browser keys events by id).
 */
export async function readTimelineSince(options: {
  incidentId: string;
  afterId: number;
  txidFrom: string | null;
}): Promise<{ events: TimelineEvent[]; snapshotXmin: string }> {
  const rows = await db().$queryRaw<(Partial<TimelineEvent> & { snapshotXmin: string })[]>(Prisma.sql`
    WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin)
    SELECT e.id, e."incidentId", e.kind, e.payload, e."authorType", e."authorId", e."authorLabel",
           e."correctsId", e."createdAt", snapshot.xmin AS "snapshotXmin"
    FROM snapshot
    LEFT JOIN LATERAL (
      SELECT * FROM "TimelineEvent" t
      WHERE t."incidentId" = ${options.incidentId}
        AND (t.id > ${options.afterId}
             OR (${options.txidFrom}::text IS NOT NULL AND t.txid >= ${options.txidFrom}::text::xid8))
      ORDER BY t.id
      LIMIT ${MAX_EVENTS}
    ) e ON true
    ORDER BY e.id`);
  const snapshotXmin = rows[0]?.snapshotXmin;
  if (snapshotXmin === undefined) throw new Error("the snapshot read returned no row");
  return {
    events: rows.filter((row) => row.id !== null && row.id !== undefined) as TimelineEvent[],
    snapshotXmin,
  };
}

/**
 * The oldest transaction running now: a page that reads its events after this call can resume its stream
 * from "<newest id>-<this>" and miss nothing that was still being written while it rendered.
 */
export async function timelineResumeBound(): Promise<string> {
  const rows = await db().$queryRaw<{ xmin: string }[]>(
    Prisma.sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
  );
  return rows[0]!.xmin;
}
