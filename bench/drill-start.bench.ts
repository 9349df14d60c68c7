import { startAnvil } from "../lib/chain/anvil";
import { anvilAccount, deployDemo } from "../lib/chain/demo";
import { createPrismaClient, db, type PrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { seedDemo } from "../lib/devstack/seed-demo";
import { startDrill, stopDrill } from "../lib/drills";
import { importRunbook } from "../lib/runbooks";
import type { EventAuthor } from "../lib/timeline";
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
  const database = await startEmbeddedPostgres({ isPersistent: false });
  const anvil = await startAnvil();
  const holder = globalThis as unknown as { breakglassPrisma?: PrismaClient };
  const previous = { client: holder.breakglassPrisma, url: process.env.DATABASE_URL };
  try {
    await migrate(database.url, { log: () => {} });
    const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
    holder.breakglassPrisma = createPrismaClient(database.url);
    process.env.DATABASE_URL = database.url;
    await seedDemo(db(), deployment);
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
    await holder.breakglassPrisma?.$disconnect().catch(() => {});
    holder.breakglassPrisma = previous.client;
    process.env.DATABASE_URL = previous.url;
    if (previous.url === undefined) delete process.env.DATABASE_URL;
    await anvil.stop();
    await database.stop();
  }
}
