import { ingestAlert } from "../alerts";
import { db } from "../db/client";
import { WATCH_ALERT_SOURCE } from "./handle-chain-events";

/**
 * A reorg replaced the blocks of these events: what they alerted about did not happen (on this fork). Each
 * alert they raised that is still firing is resolved through the alert pipeline, so its incident's timeline
 * says so (`alert.resolved`) and the inbox stops showing it; an incident the alert declared stays open:
 * people decide when it is over. If the transaction lands again in a replacing block, the watcher records it
 * as a new event and the same dedup key fires again (a new episode of the same alert), so nothing is lost.
 * Returns how many alerts were resolved.
 */
export async function resolveRetractedAlerts(
  chainId: number,
  chainEventIds: readonly number[],
): Promise<number> {
  if (chainEventIds.length === 0) return 0;
  const source = await db().alertSource.findUnique({ where: { name: WATCH_ALERT_SOURCE } });
  if (!source) return 0;
  const events = await db().chainEvent.findMany({
    where: { chainId, id: { in: [...chainEventIds] } },
    select: { txHash: true, logIndex: true, blockNumber: true, blockHash: true },
  });
  let resolved = 0;
  for (const event of events) {
    // The dedup key is chain:<chain>:<tx>:<log index>:<rule> (evaluateWatchRules): every rule's alert of this log.
    const alerts = await db().alert.findMany({
      where: {
        sourceId: source.id,
        status: "firing",
        dedupKey: { startsWith: `chain:${chainId}:${event.txHash}:${event.logIndex}:` },
      },
    });
    for (const alert of alerts) {
      const summary = `Retracted: block ${event.blockNumber} (${event.blockHash.slice(0, 10)}…) was replaced by a reorg`;
      const result = await ingestAlert({
        source,
        alert: {
          dedupKey: alert.dedupKey,
          name: alert.name,
          status: "resolved",
          labels: alert.labels as Record<string, string>,
          annotations: { ...(alert.annotations as Record<string, string>), retracted: summary },
          summary,
          endsAt: null,
        },
        routes: [],
      });
      if (result.outcome === "resolved" || result.outcome === "inbox") resolved++;
    }
  }
  return resolved;
}
