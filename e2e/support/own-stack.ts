import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { type AnvilInstance, startAnvil } from "../../lib/chain/anvil";
import { deployDemo } from "../../lib/chain/demo";
import { createPrismaClient } from "../../lib/db/client";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { seedDemo } from "../../lib/devstack/seed-demo";
import { type RunningNext, startNext } from "../../lib/devstack/start-next";
import { migrateJobs } from "../../lib/jobs";
import { freePort } from "../../lib/net/free-port";
import type { Stack } from "./fixtures";
import { injectedProviderScript } from "./injected-provider";
import { signInWithKey } from "./sign-in";

export type OwnStack = Stack & {
  databaseUrl: string;
  /** Stops anvil; its state (contracts, Safes, blocks) is written to a file on the way out. */
  stopChain: () => Promise<void>;
  /** Starts anvil again on the same port from that state, as a node coming back would. */
  restartChain: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A stack for one fault spec, so stopping a server there disturbs no other spec: its own throwaway
 * PostgreSQL (migrated, demo-seeded), its own anvil (demo deployment, restartable with its state) and one
 * `next start` of the same build (NEXT_DIST_DIR is inherited from the environment).
 */
export async function startOwnStack(options: { env?: Record<string, string> } = {}): Promise<OwnStack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => {});
  };
  try {
    const stateDir = await mkdtemp(path.join(tmpdir(), "breakglass-anvil-"));
    stops.push(() => rm(stateDir, { recursive: true, force: true }));
    const statePath = path.join(stateDir, "state.json");
    let anvil: AnvilInstance = await startAnvil({ statePath });
    stops.push(() => anvil.stop());
    const database: EmbeddedDatabase = await startEmbeddedPostgres({ isPersistent: false });
    stops.push(database.stop);
    await migrate(database.url);
    await migrateJobs(database.url);
    const deployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
    const prisma = createPrismaClient(database.url);
    await seedDemo(prisma, deployment).finally(() => prisma.$disconnect());
    const port = await freePort();
    const app: RunningNext = await startNext({
      mode: "start",
      port,
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        NODE_ENV: "production",
        ...options.env,
      },
    });
    stops.push(app.stop);
    return {
      baseURL: app.url,
      baseURLB: app.url,
      rpcUrl: anvil.rpcUrl,
      deployment,
      databaseUrl: database.url,
      stopChain: () => anvil.stop(),
      restartChain: async () => {
        anvil = await startAnvil({ port: anvil.port, statePath });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The shared test wallet forwards everything to anvil, which cannot sign while it is stopped. This one
 * answers eth_chainId itself and signs EIP-712 locally with the account's key (viem's signTypedData in
 * the test process, reached through a Playwright binding): real signatures by the real key, no node needed.
 * Everything else (eth_sendTransaction for Execute) still goes to anvil.
 */
export async function localSigningWalletContext(
  browser: Browser,
  stack: Stack,
  accountIndex: number,
): Promise<{ context: BrowserContext; page: Page }> {
  const key = stack.deployment.accounts[accountIndex]!.privateKey as Hex;
  const account = privateKeyToAccount(key);
  const context = await browser.newContext({ baseURL: stack.baseURL });
  await context.exposeBinding("__breakglassSignTypedData", async (_source, json: string) => {
    const { types, ...typed } = JSON.parse(json) as { types: Record<string, unknown> };
    const { EIP712Domain: _domain, ...rest } = types;
    return account.signTypedData({ ...typed, types: rest } as Parameters<typeof account.signTypedData>[0]);
  });
  await context.addInitScript({
    content: injectedProviderScript({ rpcUrl: stack.rpcUrl, account: account.address }),
  });
  await context.addInitScript({
    content: `(() => {
  const provider = window.ethereum;
  const forward = provider.request.bind(provider);
  provider.request = async ({ method, params }) => {
    if (method === "eth_chainId") return "0x${stack.deployment.chainId.toString(16)}";
    if (method === "eth_signTypedData_v4") return window.__breakglassSignTypedData(params[1]);
    return forward({ method, params });
  };
})();`,
  });
  await signInWithKey(context.request, stack.baseURL, key);
  return { context, page: await context.newPage() };
}
