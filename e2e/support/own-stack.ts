import type { Browser, BrowserContext, Page } from "@playwright/test";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { startSeededStack } from "../../lib/devstack/start-seeded-stack";
import type { Stack } from "./fixtures";
import { installTestWallet } from "./injected-provider";
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
 * A stack for one fault spec, so stopping a server there disturbs no other spec (lib/devstack/start-seeded-stack.ts):
 * its own throwaway PostgreSQL, its own anvil (demo deployment, restartable with its state) and one
 * `next start` of the same build (NEXT_DIST_DIR is inherited from the environment).
 */
export async function startOwnStack(options: { env?: Record<string, string> } = {}): Promise<OwnStack> {
  const stack = await startSeededStack({ chain: "demo", isChainRestartable: true, env: options.env });
  return {
    baseURL: stack.apps[0]!.url,
    baseURLB: stack.apps[0]!.url,
    rpcUrl: stack.anvil!.rpcUrl,
    deployment: stack.deployment!,
    databaseUrl: stack.databaseUrl,
    stopChain: stack.stopChain,
    restartChain: stack.restartChain,
    stop: stack.stop,
  };
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
  const context = await browser.newContext({
    baseURL: stack.baseURL,
    // API calls through context.request carry the Origin a page of the console would (the CSRF check).
    extraHTTPHeaders: { origin: new URL(stack.baseURL).origin },
  });
  await context.exposeBinding("__breakglassSignTypedData", async (_source, json: string) => {
    const { types, ...typed } = JSON.parse(json) as { types: Record<string, unknown> };
    const { EIP712Domain: _domain, ...rest } = types;
    return account.signTypedData({ ...typed, types: rest } as Parameters<typeof account.signTypedData>[0]);
  });
  await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: account.address });
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
