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
  } catch {
    lines.push("# database unreachable: database-wide gauges omitted");
  }
  return { body: `${lines.join("\n")}\n`, contentType: registry.contentType };
}
