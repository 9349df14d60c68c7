import { randomBytes } from "node:crypto";
import { startAnvil } from "../../lib/chain/anvil";
import { anvilAccount, deployDemo } from "../../lib/chain/demo";
import { createPrismaClient } from "../../lib/db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { DEMO_MEMBERS, seedDemo } from "../../lib/devstack/seed-demo";
import { startNext } from "../../lib/devstack/start-next";
import { SEVERITY_PRESETS } from "../../lib/incidents/severity-presets";
import { migrateJobs } from "../../lib/jobs";
import { freePort } from "../../lib/net/free-port";
import { signInCookie } from "./sign-in";

export type BenchStack = {
  databaseUrl: string;
  database: EmbeddedDatabase;
  /** `next start` on 127.0.0.1, for node's fetch. */
  baseURL: string;
  /** The same app by the name it was started with (NEXTAUTH_URL), for browsers and Lighthouse. */
  origin: string;
  /** Session cookie of Bob (commander), as a Cookie header. */
  cookie: string;
  cookies: { name: string; value: string }[];
  stop: () => Promise<void>;
};

/**
 * A throwaway stack for one benchmark: its own embedded PostgreSQL (migrated, members and severity scheme
 * seeded, then `seed` for the bench's own data, before the app starts so seeding does not compete with it),
 * optionally anvil with the demo deployment (pages that show Safes), and one `next start` of the existing
 * build. Nothing is shared with a dev database or another bench.
 */
export async function startBenchStack(options: {
  seed?: (databaseUrl: string) => Promise<void>;
  withChain?: boolean;
  log?: (line: string) => void;
}): Promise<BenchStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const database = await startEmbeddedPostgres({ isPersistent: false });
    stops.push(database.stop);
    await migrate(database.url);
    await migrateJobs(database.url);
    const prisma = createPrismaClient(database.url);
    try {
      if (options.withChain) {
        const anvil = await startAnvil();
        stops.push(anvil.stop);
        await seedDemo(prisma, await deployDemo({ rpcUrl: anvil.rpcUrl }));
      } else {
        await prisma.severityLevel.createMany({ data: SEVERITY_PRESETS["P1-P4"]! });
        // Sign-in names chain 31337; no node runs behind it here (this bench needs no chain reads).
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
    await options.seed?.(database.url);
    const port = await freePort();
    const app = await startNext({
      mode: "start",
      port,
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        NODE_ENV: "production",
      },
      log: options.log,
    });
    stops.push(app.stop);
    const session = await signInCookie(`http://localhost:${port}`, 2);
    return {
      databaseUrl: database.url,
      database,
      baseURL: `http://127.0.0.1:${port}`,
      origin: `http://localhost:${port}`,
      cookie: session.header,
      cookies: session.cookies,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
