import { createHash } from "node:crypto";
import { type Address, getAddress, type Hex, parseAbi, sliceHex } from "viem";
import { publicClientFor } from "../chain";

/**
 * What a kit's signatures were made under. A guard can refuse the execution, a module or a new singleton
 * can change what the Safe is, a fallback handler changes what it answers: any change means the owners
 * must look again and re-sign (Optimism's presigned pauses broke exactly when modules changed).
 */
export type SafeConfig = {
  owners: Address[];
  threshold: number;
  guard: Address;
  modules: Address[];
  fallbackHandler: Address;
  singleton: Address;
};
export type SafeChainView = SafeConfig & { nonce: number; blockNumber: string };

// Safe v1.4.1 storage: the singleton is slot 0; guard and fallback handler live at fixed hashed slots.
const GUARD_SLOT: Hex = "0x4a204f620c8c5ccdca3fd54d003badd85ba500436a431f0cbda4f558c93c34c8";
const FALLBACK_HANDLER_SLOT: Hex = "0x6c9a6c4a39284e37ed1cf53d337577d14212a4870fb976a4366c693b939918d5";
const SENTINEL: Address = "0x0000000000000000000000000000000000000001";

const configAbi = parseAbi([
  "function getOwners() view returns (address[])",
  "function getThreshold() view returns (uint256)",
  "function nonce() view returns (uint256)",
  "function getModulesPaginated(address start, uint256 pageSize) view returns (address[] array, address next)",
]);

function slotAddress(word: Hex | undefined): Address {
  return getAddress(sliceHex(word && word !== "0x" ? word : `0x${"0".repeat(64)}`, 12));
}

/** One consistent read (all at the same block) of the Safe's nonce and configuration. */
export async function readSafeConfig(chainId: number, address: string): Promise<SafeChainView> {
  const client = await publicClientFor(chainId);
  const safe = getAddress(address);
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const at = { address: safe, abi: configAbi, blockNumber } as const;
  const [owners, threshold, nonce, modules, guard, fallbackHandler, singleton] = await Promise.all([
    client.readContract({ ...at, functionName: "getOwners" }),
    client.readContract({ ...at, functionName: "getThreshold" }),
    client.readContract({ ...at, functionName: "nonce" }),
    client.readContract({ ...at, functionName: "getModulesPaginated", args: [SENTINEL, 50n] }),
    client.getStorageAt({ address: safe, slot: GUARD_SLOT, blockNumber }),
    client.getStorageAt({ address: safe, slot: FALLBACK_HANDLER_SLOT, blockNumber }),
    client.getStorageAt({ address: safe, slot: "0x0", blockNumber }),
  ]);
  return {
    owners: owners.map((owner) => getAddress(owner)),
    threshold: Number(threshold),
    nonce: Number(nonce),
    modules: modules[0].map((module) => getAddress(module)),
    guard: slotAddress(guard),
    fallbackHandler: slotAddress(fallbackHandler),
    singleton: slotAddress(singleton),
    blockNumber: blockNumber.toString(),
  };
}

export function pickConfig(view: SafeConfig): SafeConfig {
  return {
    owners: view.owners,
    threshold: view.threshold,
    guard: view.guard,
    modules: view.modules,
    fallbackHandler: view.fallbackHandler,
    singleton: view.singleton,
  };
}

/** Order-insensitive for owners and modules: the Safe's linked lists reorder on add/remove. */
export function configHash(config: SafeConfig): string {
  const canonical = {
    owners: config.owners.map((o) => o.toLowerCase()).sort(),
    threshold: config.threshold,
    guard: config.guard.toLowerCase(),
    modules: config.modules.map((m) => m.toLowerCase()).sort(),
    fallbackHandler: config.fallbackHandler.toLowerCase(),
    singleton: config.singleton.toLowerCase(),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}
