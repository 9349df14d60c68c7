import { db } from "../db/client";
import { formatIncidentRef } from "../incidents";
import { computeDrillScore } from "./compute-drill-score";
import { loadDrillEvents } from "./get-drill";

export type DrillRow = {
  id: string;
  state: "running" | "stopped";
  incidentRef: string;
  sectionTitle: string;
  forkChainId: number;
  startedAt: Date;
  verifiedPauseSeconds: number | null;
  thresholdSeconds: number | null;
};

/** The newest drills first, each with the two figures a drill is judged by. */
export async function listDrills(options: { limit?: number } = {}): Promise<DrillRow[]> {
  const drills = await db().drill.findMany({
    orderBy: { startedAt: "desc" },
    take: Math.min(options.limit ?? 50, 200),
    include: { incident: { select: { number: true } } },
  });
  return Promise.all(
    drills.map(async (drill) => {
      const score = computeDrillScore(await loadDrillEvents(drill));
      return {
        id: drill.id,
        state: drill.state,
        incidentRef: formatIncidentRef(drill.incident.number),
        sectionTitle: drill.sectionTitle,
        forkChainId: drill.forkChainId,
        startedAt: drill.startedAt,
        verifiedPauseSeconds: score.verifiedPauseSeconds,
        thresholdSeconds: score.thresholdSeconds,
      };
    }),
  );
}
