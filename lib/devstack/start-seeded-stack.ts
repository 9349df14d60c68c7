import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AnvilInstance, anvilAccount, type DemoDeployment, deployDemo, startAnvil } from "../chain/demo";
import { createPrismaClient } from "../db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { SEVERITY_PRESETS } from "../incidents";
import { migrateJobs } from "../jobs";
import { freePort } from "../net/free-port";
import { DEMO_MEMBERS, seedDemo } from "./seed-demo";
import { type RunningNext, startNext } from "./start-next";

export type SeededStack = {
  databaseUrl: string;
  /** The embedded server this stack started (halt/resume for fault tests); null when DATABASE_URL was used. */
  database: EmbeddedDatabase | null;
  /** Anvil with the demo deployment; null for `chain: "none"`. Replaced by restartChain(). */
  anvil: AnvilInstance | null;
  deployment: DemoDeployment | null;
  /** The `next start` instances, sharing the database and the session secret. */
  apps: RunningNext[];
  /** Stops anvil; with `isChainRestartable` its state is written to a file on the way out. */
  stopChain: () => Promise<void>;
  /** Starts anvil again on the same port from that state, as a node coming back would. */
  restartChain: () => Promise<void>;
  /** Stops everything this stack started, in reverse order. */
  stop: () => Promise<void>;
};

/**
 * The one way e2e, the fault specs and the benchmarks boot a seeded console: a throwaway embedded PostgreSQL
 * (migrated), anvil with the Safe contracts and the demo protocol and the demo seed (or, for `chain: "none"`,
 * only the members, the P1–P4 scheme and a chain row with no node behind it), the caller's own `seed`, then
 * `instances` × `next start` of the existing build (run `npm run build` first; NEXT_DIST_DIR is inherited).
 */
export async function startSeededStack(options: {
  chain: "demo" | "none";
  isChainRestartable?: boolean;
  instances?: number;
  /** Runs after the demo seed and before the app starts, so seeding does not compete with it. */
  seed?: (databaseUrl: string) => Promise<void>;
  /** Use DATABASE_URL when it is set (migrated, not started); the caller has checked that it is local. */
  useConfiguredDatabase?: boolean;
  /** More environment for the apps (e.g. BREAKGLASS_WATCH=off). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}): Promise<SeededStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    let database: EmbeddedDatabase | null = null;
    let databaseUrl = options.useConfiguredDatabase ? process.env.DATABASE_URL : undefined;
    if (!databaseUrl) {
      const embedded = await startEmbeddedPostgres({ isPersistent: false });
      stops.push(embedded.stop);
      options.log?.(`embedded PostgreSQL on port ${embedded.port}`);
      database = embedded;
      databaseUrl = embedded.url;
    }
    await migrate(databaseUrl, { log: options.log });
    await migrateJobs(databaseUrl);

    let anvil: AnvilInstance | null = null;
    let deployment: DemoDeployment | null = null;
    let statePath: string | undefined;
    const prisma = createPrismaClient(databaseUrl);
    try {
      if (options.chain === "demo") {
        if (options.isChainRestartable) {
          const stateDir = await mkdtemp(path.join(tmpdir(), "breakglass-anvil-"));
          stops.push(() => rm(stateDir, { recursive: true, force: true }));
          statePath = path.join(stateDir, "state.json");
        }
        const started = await startAnvil({ statePath });
        anvil = started;
        stops.push(() => (anvil ?? started).stop());
        deployment = await deployDemo({ rpcUrl: started.rpcUrl });
        await seedDemo(prisma, deployment);
      } else {
        await prisma.severityLevel.createMany({ data: SEVERITY_PRESETS["P1-P4"]! });
        // Sign-in names chain 31337; no node runs behind it here.
        await prisma.chain.create({ data: { id: 31337, name: "Anvil (local)", rpcUrls: [] } });
        await prisma.member.createMany({
          data: DEMO_MEMBERS.map((member) => ({
            address: anvilAccount(member.index).address,
            displayName: member.displayName,
            role: member.role,
          })),
        });
      }
    } finally {
      await prisma.$disconnect();
    }
    await options.seed?.(databaseUrl);

    const secret = randomBytes(32).toString("hex");
    const ports: number[] = [];
    for (let i = 0; i < (options.instances ?? 1); i++) ports.push(await freePort());
    const apps = await Promise.all(
      ports.map((port) =>
        startNext({
          mode: "start",
          port,
          env: {
            DATABASE_URL: databaseUrl,
            NEXTAUTH_URL: `http://localhost:${port}`,
            NEXTAUTH_SECRET: secret,
            NODE_ENV: "production",
            ...options.env,
          },
          log: options.log,
        }),
      ),
    );
    for (const app of apps) stops.push(app.stop);

    const stack: SeededStack = {
      databaseUrl,
      database,
      anvil,
      deployment,
      apps,
      stopChain: async () => {
        await stack.anvil?.stop();
      },
      restartChain: async () => {
        if (!stack.anvil) throw new Error("This stack has no chain to restart.");
        stack.anvil = await startAnvil({ port: stack.anvil.port, statePath });
        anvil = stack.anvil;
      },
      stop,
    };
    return stack;
  } catch (error) {
    await stop();
    throw error;
  }
}
