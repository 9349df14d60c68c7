import { anvilAccount } from "../lib/chain/demo";
import { db } from "../lib/db/client";
import { startDrill, stopDrill } from "../lib/drills";
import { importRunbook } from "../lib/runbooks";
import type { EventAuthor } from "../lib/timeline";
import { startInProcessStack } from "./support/bench-stack";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

const RUNBOOK = `# Bench drill runbook

## Global Protocol Pause

**Who:** Any \`GUARDIAN_ROLE\` holder

\`\`\`bash
cast send $GLOBAL_PAUSE_REGISTRY "pauseGlobal()" --rpc-url $RPC_URL
\`\`\`
`;

/**
 * From "Start drill" to the fork answering with its own chain id and registered (chain, contracts, Safes,
 * the drill's incident with its runbook attached): what a facilitator waits for. Target < 10 s.
 */
export async function benchDrillStart({ quick }: BenchOptions): Promise<BenchResult[]> {
  const stack = await startInProcessStack();
  try {
    const member = await db().member.findUniqueOrThrow({ where: { address: anvilAccount(2).address } });
    const author: EventAuthor = { type: "member", id: member.id, label: member.displayName };
    const actor = {
      kind: "member" as const,
      id: member.id,
      address: member.address,
      name: member.displayName,
      role: "commander" as const,
    };
    const { version } = await importRunbook({ source: RUNBOOK, fileName: "bench.md", importedBy: "bench" });
    const timings: number[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      const started = performance.now();
      const { drill } = await startDrill({
        input: { runbookVersionId: version.id, anchor: "global-protocol-pause" },
        author,
        actor,
      });
      timings.push(performance.now() - started);
      await stopDrill({ drillId: drill.id, author });
    }
    const median = quantile(timings, 0.5);
    return [
      {
        name: "Drill start → fork ready and registered (median)",
        value: round(median),
        unit: "ms",
        target: "< 10000",
        isMet: median < 10_000,
      },
    ];
  } finally {
    await stack.stop();
  }
}
