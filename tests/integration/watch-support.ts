import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type Abi,
  type Address,
  createPublicClient,
  createTestClient,
  encodeFunctionData,
  type Hex,
  http,
  numberToHex,
} from "viem";
import { type AnvilInstance, startAnvil } from "@/lib/chain/anvil";
import { bleBridgeV9Abi, globalPauseRegistryAbi, priceOracleAbi } from "@/lib/chain/artifacts/demo/abis";
import { type DemoDeployment, deployDemo, execSafeAsOwners } from "@/lib/chain/demo";
import { db } from "@/lib/db";

let nextChainId = 41_000 + Math.floor(Math.random() * 1000) * 10;

/**
 * A chain of its own for a chain-watch test: an anvil with another chain id (so its registry rows do not
 * mix with the shared demo chain), the demo deployment on it, and its contracts and Safes in the registry.
 * Stoppable and restartable from its state (anvil writes it on the way out).
 */
export async function startWatchedChain() {
  const chainId = nextChainId++;
  const stateDir = await mkdtemp(path.join(tmpdir(), "breakglass-watch-"));
  const statePath = path.join(stateDir, "state.json");
  let anvil: AnvilInstance = await startAnvil({ chainId, statePath });
  const deployment: DemoDeployment = await deployDemo({ rpcUrl: anvil.rpcUrl });
  await db().chain.create({
    data: {
      id: chainId,
      name: `Watch test ${chainId}`,
      rpcUrls: [anvil.rpcUrl],
      explorerUrl: "https://explorer.test",
    },
  });
  const contracts: [string, Address, Abi][] = [
    ["GlobalPauseRegistry", deployment.contracts.globalPauseRegistry, globalPauseRegistryAbi as Abi],
    ["BLEBridgeV9", deployment.contracts.bridge, bleBridgeV9Abi as Abi],
    ["PriceOracle", deployment.contracts.oracle, priceOracleAbi as Abi],
  ];
  for (const [name, address, abi] of contracts)
    await db().contract.create({ data: { name, address, chainId, abi: abi as object, placeholders: [] } });
  for (const [label, safe] of [
    ["Guardian Safe", deployment.safes.guardian],
    ["Admin Safe", deployment.safes.admin],
  ] as const)
    await db().safe.create({
      data: { label, address: safe.address, chainId, owners: safe.owners, threshold: safe.threshold },
    });
  const key = (index: number) => deployment.accounts[index]!.privateKey as Hex;
  const testClient = () => createTestClient({ mode: "anvil", transport: http(anvil.rpcUrl) });
  const publicClient = () => createPublicClient({ transport: http(anvil.rpcUrl) });
  return {
    chainId,
    deployment,
    rpcUrl: () => anvil.rpcUrl,
    key,
    testClient,
    publicClient,
    /** pauseGlobal() by the Guardian Safe's owners 1 and 2, outside any console. */
    pauseGlobal: () =>
      execSafeAsOwners({
        rpcUrl: anvil.rpcUrl,
        chainId,
        safe: deployment.safes.guardian.address,
        ownerKeys: [key(1), key(2)],
        to: deployment.contracts.globalPauseRegistry,
        data: encodeFunctionData({ abi: globalPauseRegistryAbi, functionName: "pauseGlobal" }),
      }),
    unpauseGlobal: () =>
      execSafeAsOwners({
        rpcUrl: anvil.rpcUrl,
        chainId,
        safe: deployment.safes.admin.address,
        ownerKeys: [key(2), key(3)],
        to: deployment.contracts.globalPauseRegistry,
        data: encodeFunctionData({ abi: globalPauseRegistryAbi, functionName: "unpauseGlobal" }),
      }),
    mine: (blocks = 1) =>
      fetch(anvil.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_mine", params: [numberToHex(blocks)] }),
      }),
    stopChain: () => anvil.stop(),
    restartChain: async () => {
      anvil = await startAnvil({ chainId, statePath, port: anvil.port });
    },
    stop: async () => {
      await anvil.stop();
      await rm(stateDir, { recursive: true, force: true });
      // Out of the shared registry again (health and later tests must not see a dead chain). Chain events
      // stay: PostgreSQL refuses to delete them, and without a registry chain nothing reads them.
      await db().chainCursor.deleteMany({ where: { chainId } });
      await db().chainBlock.deleteMany({ where: { chainId } });
      await db().safe.deleteMany({ where: { chainId, proposals: { none: {} } } });
      await db().contract.deleteMany({ where: { chainId } });
      if ((await db().safe.count({ where: { chainId } })) === 0)
        await db().chain.deleteMany({ where: { id: chainId } });
    },
  };
}

export type WatchedChain = Awaited<ReturnType<typeof startWatchedChain>>;

/**
 * The seeded watch rules fire on the demo deployment itself (the deployer holds DEFAULT_ADMIN_ROLE for a
 * moment): suites that are not about alerts switch them off while they run, and back on after.
 */
export async function pauseWatchRules(): Promise<() => Promise<void>> {
  const enabled = await db().watchRule.findMany({ where: { isEnabled: true }, select: { id: true } });
  const ids = enabled.map((row) => row.id);
  await db().watchRule.updateMany({ where: { id: { in: ids } }, data: { isEnabled: false } });
  return async () => {
    await db().watchRule.updateMany({ where: { id: { in: ids } }, data: { isEnabled: true } });
  };
}

/** Polls until the check passes (bounded: a watcher that never gets there fails the test with the last value). */
export async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!isDone(value)) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting; last value: ${JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Every log the chain has for the watched addresses up to `to`: what the database must hold, once each. */
export async function logsOnChain(rpcUrl: string, addresses: Address[], to: bigint) {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getLogs",
      params: [{ address: addresses, fromBlock: "0x0", toBlock: numberToHex(to) }],
    }),
  });
  const body = (await response.json()) as { result: { blockHash: string; logIndex: Hex }[] };
  return body.result.map((log) => `${log.blockHash}:${Number(log.logIndex)}`).sort();
}
