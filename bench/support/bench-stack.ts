import type { EmbeddedDatabase } from "../../lib/db/embedded-postgres";
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
