import type { AnvilInstance, DemoDeployment } from "../../lib/chain/demo";
import { createPrismaClient, type PrismaClient } from "../../lib/db/client";
import type { EmbeddedDatabase } from "../../lib/db/embedded-postgres";
import type { RunningNext } from "../../lib/devstack/start-next";
import { startSeededStack } from "../../lib/devstack/start-seeded-stack";
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
 * A throwaway stack for one benchmark (lib/devstack/start-seeded-stack.ts): its own embedded PostgreSQL with the
 * members and severity scheme, then `seed` for the bench's own data before the app starts, optionally anvil
 * with the demo deployment (pages that show Safes), one `next start` of the existing build, and Bob's session.
 */
export async function startBenchStack(options: {
  seed?: (databaseUrl: string) => Promise<void>;
  withChain?: boolean;
  log?: (line: string) => void;
}): Promise<BenchStack> {
  const stack = await startSeededStack({
    chain: options.withChain ? "demo" : "none",
    seed: options.seed,
    log: options.log,
  });
  try {
    const port = new URL(stack.apps[0]!.url).port;
    const session = await signInCookie(`http://localhost:${port}`, 2);
    return {
      databaseUrl: stack.databaseUrl,
      database: stack.database!,
      baseURL: `http://127.0.0.1:${port}`,
      origin: `http://localhost:${port}`,
      cookie: session.header,
      cookies: session.cookies,
      stop: stack.stop,
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

export type InProcessStack = {
  databaseUrl: string;
  anvil: AnvilInstance;
  deployment: DemoDeployment;
  /** `next start` instances on the same database (`instances`), for benches that also measure over HTTP. */
  apps: RunningNext[];
  /** Puts back this process's db() and environment, then stops what the stack started. */
  stop: () => Promise<void>;
};

/**
 * For benchmarks that call lib in this process (lib/devstack/start-seeded-stack.ts): a throwaway embedded
 * PostgreSQL (migrated, job schema included), anvil with the demo deployment and the demo seed; this process's
 * db() and DATABASE_URL (and `env`) point at it from before `seed` runs until stop(), which restores what was
 * there: the bench runner goes on to the next benchmark in this same process. With `instances`, that many
 * `next start` on the same database after `seed` (they inherit `env`).
 */
export async function startInProcessStack(
  options: { env?: Record<string, string>; instances?: number; seed?: () => Promise<void> } = {},
): Promise<InProcessStack> {
  const holder = globalThis as unknown as { breakglassPrisma?: PrismaClient };
  const previousClient = holder.breakglassPrisma;
  const previousEnv = { ...process.env };
  let client: PrismaClient | undefined;
  const restore = async () => {
    await client?.$disconnect().catch(() => {});
    holder.breakglassPrisma = previousClient;
    for (const key of Object.keys(process.env)) if (!(key in previousEnv)) delete process.env[key];
    Object.assign(process.env, previousEnv);
  };
  try {
    const stack = await startSeededStack({
      chain: "demo",
      instances: options.instances ?? 0,
      seed: async (databaseUrl) => {
        client = createPrismaClient(databaseUrl);
        holder.breakglassPrisma = client;
        Object.assign(process.env, { DATABASE_URL: databaseUrl, ...options.env });
        await options.seed?.();
      },
    });
    return {
      databaseUrl: stack.databaseUrl,
      anvil: stack.anvil!,
      deployment: stack.deployment!,
      apps: stack.apps,
      stop: async () => {
        await restore();
        await stack.stop();
      },
    };
  } catch (error) {
    await restore();
    throw error;
  }
}
