import { db } from "../db/client";
import { computeDrillScore } from "./compute-drill-score";
import { loadDrillEvents } from "./get-drill";

const YEAR_MS = 365 * 24 * 3600 * 1000;

export type DrillCoverageRow = {
  runbookId: string;
  runbookTitle: string;
  lastDrillAt: Date | null;
  lastDrillId: string | null;
  /** Time to the verified pause of the last drills, oldest first (null: not reached). */
  trend: (number | null)[];
  flag: "never" | "stale" | null;
};

/**
 * Every runbook with its last drill and the trend of its last five, flagged when never drilled or not
 * drilled in 12 months (the Security Alliance asks for a full simulation at least yearly).
 */
export async function listDrillCoverage(options: { now?: Date } = {}): Promise<DrillCoverageRow[]> {
  const now = options.now ?? new Date();
  const [documents, drills] = await Promise.all([
    db().runbookDocument.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } }),
    db().drill.findMany({
      where: { runbookVersionId: { not: null } },
      orderBy: { startedAt: "desc" },
      take: 500,
    }),
  ]);
  const versions = await db().runbookVersion.findMany({
    where: { id: { in: [...new Set(drills.map((d) => d.runbookVersionId!))] } },
    select: { id: true, documentId: true },
  });
  const documentOf = new Map(versions.map((v) => [v.id, v.documentId]));
  return Promise.all(
    documents.map(async (document) => {
      const mine = drills.filter((d) => documentOf.get(d.runbookVersionId!) === document.id).slice(0, 5);
      const trend = await Promise.all(
        mine.map(async (drill) => computeDrillScore(await loadDrillEvents(drill)).verifiedPauseSeconds),
      );
      const last = mine[0] ?? null;
      return {
        runbookId: document.id,
        runbookTitle: document.title,
        lastDrillAt: last?.startedAt ?? null,
        lastDrillId: last?.id ?? null,
        trend: trend.reverse(),
        flag: !last ? "never" : now.getTime() - last.startedAt.getTime() > YEAR_MS ? "stale" : null,
      };
    }),
  );
}
