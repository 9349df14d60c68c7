import { readFileSync } from "node:fs";
import { db } from "../db/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { computeDrillScore, formatScoreSummary } from "./compute-drill-score";
import { drillForks } from "./fork-processes";
import { loadDrillEvents } from "./get-drill";

/**
 * Stops a drill: its fork is stopped, its chain retired (kept for the record, no longer read), and the score
 * written on the timeline. The incident, its proposals, signatures and timeline stay as they were.
 */
export async function stopDrill(options: { drillId: string; author: EventAuthor }): Promise<void> {
  const drill = await db().drill.findUnique({ where: { id: options.drillId } });
  if (!drill) throw new AppError("NOT_FOUND", "No such drill.");
  if (drill.state === "stopped") throw new AppError("CONFLICT", "The drill is already stopped.");
  const fork = drillForks().get(drill.id);
  if (fork) {
    await fork.stop();
    drillForks().delete(drill.id);
  } else if (drill.pid && isForkProcess(drill.pid, drill.rpcUrl)) {
    // Started by another console instance on this host: stop it by its pid.
    process.kill(drill.pid, "SIGTERM");
  }
  const score = computeDrillScore(await loadDrillEvents(drill));
  const now = new Date();
  await db().$transaction(async (tx) => {
    const updated = await tx.drill.updateMany({
      where: { id: drill.id, state: "running" },
      data: { state: "stopped", stoppedAt: now, pid: null },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "The drill is already stopped.");
    await tx.chain.update({ where: { id: drill.forkChainId }, data: { isRetired: true } });
    await appendTimelineEvent(tx, {
      incidentId: drill.incidentId,
      kind: "drill.stopped",
      author: options.author,
      at: now,
      payload: { drillId: drill.id, summary: formatScoreSummary(score) },
    });
  });
}

/**
 * A pid may have been reused since the fork started (the fork dies with a restarted console): only an anvil
 * listening on the drill's port is ours to stop.
 */
function isForkProcess(pid: number, rpcUrl: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const port = new URL(rpcUrl).port;
    return args.some((arg) => arg.endsWith("anvil")) && args.includes(port);
  } catch {
    return false;
  }
}
