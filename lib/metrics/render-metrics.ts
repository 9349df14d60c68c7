import { db } from "../db/client";
import { metrics } from "./registry";

/**
 * The Prometheus text exposition. Proposal states are counted from the database at scrape time (they are
 * shared by all instances), the rest is this process's own.
 */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  const lines: string[] = [await registry.metrics()];
  try {
    const states = await db().safeProposal.groupBy({ by: ["state"], _count: { _all: true } });
    lines.push(
      "# HELP breakglass_proposals Safe proposals by state (database-wide)",
      "# TYPE breakglass_proposals gauge",
    );
    for (const row of states) lines.push(`breakglass_proposals{state="${row.state}"} ${row._count._all}`);
    const open = await db().incident.count({ where: { resolvedAt: null } });
    lines.push(
      "# HELP breakglass_open_incidents Incidents not resolved",
      "# TYPE breakglass_open_incidents gauge",
    );
    lines.push(`breakglass_open_incidents ${open}`);
    // Chain watch, database-wide (whichever instance runs a chain's watcher, its cursor row says how far it is).
    const cursors = await db().chainCursor.findMany();
    lines.push(
      "# HELP breakglass_watch_lag_blocks Confirmed blocks not yet recorded by the chain watcher",
      "# TYPE breakglass_watch_lag_blocks gauge",
      ...cursors.map(
        (row) =>
          `breakglass_watch_lag_blocks{chain="${row.chainId}"} ${row.headNumber === null ? "NaN" : Math.max(0, Number(row.headNumber - row.blockNumber) - (row.confirmations ?? 0))}`,
      ),
      "# HELP breakglass_watch_seconds_since_head Seconds since the chain watcher last read the chain's head",
      "# TYPE breakglass_watch_seconds_since_head gauge",
      ...cursors.map(
        (row) =>
          `breakglass_watch_seconds_since_head{chain="${row.chainId}"} ${row.headAt ? ((Date.now() - row.headAt.getTime()) / 1000).toFixed(1) : "NaN"}`,
      ),
      "# HELP breakglass_watch_cursor_block Last block recorded by the chain watcher",
      "# TYPE breakglass_watch_cursor_block gauge",
      ...cursors.map((row) => `breakglass_watch_cursor_block{chain="${row.chainId}"} ${row.blockNumber}`),
    );
  } catch {
    lines.push("# database unreachable: database-wide gauges omitted");
  }
  return { body: `${lines.join("\n")}\n`, contentType: registry.contentType };
}
