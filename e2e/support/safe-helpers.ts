import type { Page } from "@playwright/test";
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  parseAbi,
  toFunctionSelector,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { safeAbi, safeTxTypedData, safeTxWithoutRefund } from "../../lib/safe/browser";
import { expect, type Stack } from "./fixtures";

/** Shared by the e2e specs that drive the Safe flow (safe, postmortem). */

const BOB = 2;
const CAROL = 3;

export const readAbi = parseAbi([
  "function isGloballyPaused() view returns (bool)",
  "function paused() view returns (bool)",
  "function unpauseRequestTime() view returns (uint256)",
]);

export function chain(stack: Stack) {
  return createPublicClient({ chain: foundry, transport: http(stack.rpcUrl) });
}

export async function rpc(stack: Stack, method: string, params: unknown[] = []) {
  const response = await fetch(stack.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: unknown }).result;
}

/** Options read `Guardian Safe (0x1234…)`: choose by the name, whatever the address. */
export async function choose(page: Page, label: string, name: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: name }).first().getAttribute("value");
  await select.selectOption(value!);
}

/**
 * Waits until the page's wallet code runs in the browser (components/providers/web3-provider.tsx marks
 * `<html data-wallet>`): a click on "Connect wallet" before hydration does nothing.
 */
export async function waitForWalletScript(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-wallet", /^(connected|disconnected)$/, {
    timeout: 30_000,
  });
}

/** Connects the page's injected test wallet if wagmi has not reconnected it already. */
export async function connectWallet(page: Page) {
  const connect = page.getByRole("button", { name: "Connect wallet" });
  const address = page.getByTestId("wallet-address");
  await expect(connect.or(address)).toBeVisible();
  // The server renders the cookie's connection; wait until wagmi in the browser has reconnected or dropped it,
  // or a "connected" page could lose its wallet after this check.
  await waitForWalletScript(page);
  // A click before React hydrates the page does nothing: click again until the wallet shows as connected.
  await expect(async () => {
    if (await connect.isVisible()) await connect.click();
    await expect(address).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Executes one call through a 2-of-3 demo Safe with test keys, outside the console (cleanup only). */
export async function execViaSafe(stack: Stack, safe: Address, to: Address, data: Hex) {
  const { deployment } = stack;
  const client = chain(stack);
  const nonce = Number(await client.readContract({ address: safe, abi: safeAbi, functionName: "nonce" }));
  const fields = safeTxWithoutRefund({ to, value: "0", data, operation: 0 }, nonce);
  const typed = safeTxTypedData(deployment.chainId, safe, fields);
  // Bob and Carol own both demo Safes; the Safe wants signatures in ascending owner order.
  const signers = [BOB, CAROL]
    .map((i) => deployment.accounts[i]!)
    .sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const signatures = await Promise.all(
    signers.map((a) => privateKeyToAccount(a.privateKey as Hex).signTypedData(typed)),
  );
  const wallet = createWalletClient({
    chain: foundry,
    transport: http(stack.rpcUrl),
    account: privateKeyToAccount(deployment.accounts[0]!.privateKey as Hex),
  });
  const hash = await wallet.writeContract({
    address: safe,
    abi: safeAbi,
    functionName: "execTransaction",
    args: [
      to,
      0n,
      data,
      0,
      0n,
      0n,
      0n,
      zeroAddress,
      zeroAddress,
      `0x${signatures.map((sig) => sig.slice(2)).join("")}` as Hex,
    ],
  });
  await client.waitForTransactionReceipt({ hash });
}

/**
 * Puts the protocol back the way other specs expect it (not paused), whatever step a failure stopped at:
 * the e2e stack shares one anvil, and spec order must not matter.
 */
export async function restoreProtocol(stack: Stack) {
  const client = chain(stack);
  const { globalPauseRegistry: registry, bridge } = stack.deployment.contracts;
  const admin = stack.deployment.safes.admin.address;
  if (await client.readContract({ address: registry, abi: readAbi, functionName: "isGloballyPaused" }))
    await execViaSafe(stack, admin, registry, toFunctionSelector("unpauseGlobal()"));
  if (await client.readContract({ address: bridge, abi: readAbi, functionName: "paused" })) {
    if (
      (await client.readContract({ address: bridge, abi: readAbi, functionName: "unpauseRequestTime" })) ===
      0n
    )
      await execViaSafe(stack, admin, bridge, toFunctionSelector("requestUnpause()"));
    await rpc(stack, "evm_increaseTime", [86_400 + 60]);
    await rpc(stack, "evm_mine");
    await execViaSafe(stack, admin, bridge, toFunctionSelector("executeUnpause()"));
  }
}
