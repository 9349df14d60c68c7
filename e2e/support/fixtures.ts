import { type Browser, type BrowserContext, test as base, type Page } from "@playwright/test";
import type { Hex } from "viem";
import type { DemoDeployment } from "../../lib/chain/demo";
import { installTestWallet } from "./injected-provider";
import { signInWithKey } from "./sign-in";

export type Stack = { baseURL: string; baseURLB: string; rpcUrl: string; deployment: DemoDeployment };

function readStack(): Stack {
  const { E2E_BASE_URL, E2E_BASE_URL_B, E2E_RPC_URL, E2E_DEPLOYMENT } = process.env;
  if (!E2E_BASE_URL || !E2E_BASE_URL_B || !E2E_RPC_URL || !E2E_DEPLOYMENT)
    throw new Error("e2e global setup did not run");
  return {
    baseURL: E2E_BASE_URL,
    baseURLB: E2E_BASE_URL_B,
    rpcUrl: E2E_RPC_URL,
    deployment: JSON.parse(E2E_DEPLOYMENT) as DemoDeployment,
  };
}

/** A browser context with the test wallet of one anvil account injected, optionally already signed in. */
export async function walletContext(
  browser: Browser,
  stack: Stack,
  accountIndex: number,
  options: { signIn: boolean; baseURL?: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const account = stack.deployment.accounts[accountIndex];
  if (!account) throw new Error(`no anvil account ${accountIndex}`);
  const baseURL = options.baseURL ?? stack.baseURL;
  // API calls through context.request carry the Origin a page of the console would (the CSRF check).
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL).origin },
  });
  await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: account.address });
  if (options.signIn) await signInWithKey(context.request, baseURL, account.privateKey as Hex);
  return { context, page: await context.newPage() };
}

export const test = base.extend<{ stack: Stack }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructured first argument.
  stack: async ({}, use) => use(readStack()),
  baseURL: async ({ stack }, use) => use(stack.baseURL),
});

export { expect } from "@playwright/test";
