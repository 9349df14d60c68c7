import { type Abi, getAddress } from "viem";
import { abiFunctions } from "../chain";
import { db } from "../db/client";
import type { Contract, Safe } from "../db/generated/client";
import { AppError } from "../errors";
import { isJsonTooDeep, MAX_JSON_DEPTH } from "../http/input-fields";
import { readSafeCore, readSafeState } from "./read-safe-state";
import type { TAddContract, TAddSafe } from "./schemas";

function fieldError(path: string, message: string): AppError {
  return new AppError("UNPROCESSABLE", `${path}: ${message}`, { fields: [{ path, message }] });
}

/** An ABI pasted by an admin: JSON, an array of ABI items (functions, events, errors...). */
export function parseAbiJson(text: string | undefined): Abi | null {
  if (!text?.trim()) return null;
  // An ABI nested thousands of levels overflowed the stack of whatever walked it next (a 500).
  if (isJsonTooDeep(text)) throw fieldError("abi", `is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fieldError("abi", "is not valid JSON.");
  }
  // Hardhat/Foundry artifacts wrap the ABI: accept { abi: [...] } too.
  const abi = Array.isArray(json) ? json : (json as { abi?: unknown })?.abi;
  if (!Array.isArray(abi)) throw fieldError("abi", "must be a JSON array of ABI items.");
  abi.forEach((item, index) => {
    const type = (item as { type?: unknown })?.type;
    if (!["function", "event", "error", "constructor", "fallback", "receive"].includes(String(type)))
      throw fieldError("abi", `item ${index} has no valid "type".`);
    if (type === "function" && typeof (item as { name?: unknown }).name !== "string")
      throw fieldError("abi", `function ${index} has no name.`);
  });
  return abi as Abi;
}

async function requireChain(chainId: number) {
  const chain = await db().chain.findUnique({ where: { id: chainId } });
  if (!chain) throw fieldError("chainId", `chain ${chainId} is not in the registry.`);
}

export async function addContract(input: TAddContract): Promise<Contract> {
  await requireChain(input.chainId);
  const abi = parseAbiJson(input.abi);
  const address = getAddress(input.address);
  const existing = await db().contract.findUnique({
    where: { chainId_address: { chainId: input.chainId, address } },
  });
  if (existing) throw fieldError("address", `is already in the registry as ${existing.name}.`);
  return db().contract.create({
    data: {
      name: input.name,
      chainId: input.chainId,
      address,
      abi: abi ?? undefined,
      placeholders: input.placeholders,
    },
  });
}

/** A Safe is only added once the chain confirms it is one (owners and threshold answer). */
export async function addSafe(input: TAddSafe): Promise<Safe> {
  await requireChain(input.chainId);
  const address = getAddress(input.address);
  const existing = await db().safe.findUnique({
    where: { chainId_address: { chainId: input.chainId, address } },
  });
  if (existing) throw fieldError("address", `is already in the registry as ${existing.label}.`);
  let core: Awaited<ReturnType<typeof readSafeCore>>;
  try {
    core = await readSafeCore(input.chainId, address);
  } catch {
    throw fieldError("address", "does not answer as a Safe on this chain (getOwners/getThreshold failed).");
  }
  const safe = await db().safe.create({
    data: {
      label: input.label,
      chainId: input.chainId,
      address,
      owners: core.owners,
      threshold: core.threshold,
      nonce: core.nonce,
      readAt: new Date(),
    },
  });
  await readSafeState(safe.id);
  return db().safe.findUniqueOrThrow({ where: { id: safe.id } });
}

export async function listRegistry() {
  const [chains, contracts, safes] = await Promise.all([
    // A drill's fork and its copies are the drill's, not the registry's to edit.
    db().chain.findMany({ where: { drillSourceChainId: null }, orderBy: { id: "asc" } }),
    db().contract.findMany({
      where: { chain: { drillSourceChainId: null } },
      orderBy: [{ chainId: "asc" }, { name: "asc" }],
    }),
    db().safe.findMany({
      where: { chain: { drillSourceChainId: null } },
      orderBy: [{ chainId: "asc" }, { label: "asc" }],
    }),
  ]);
  return {
    // RPC URLs may carry provider keys: only their count leaves the server.
    chains: chains.map((c) => ({
      id: c.id,
      name: c.name,
      rpcCount: c.rpcUrls.length,
      explorerUrl: c.explorerUrl,
      hasSafeContracts: c.safeContracts !== null,
    })),
    contracts: contracts.map((c) => ({
      id: c.id,
      name: c.name,
      chainId: c.chainId,
      address: c.address,
      placeholders: c.placeholders,
      functionCount: abiFunctions(c.abi).length,
    })),
    safes: safes.map((s) => ({
      id: s.id,
      label: s.label,
      chainId: s.chainId,
      address: s.address,
      owners: s.owners,
      threshold: s.threshold,
      nonce: s.nonce,
      roles: (s.roles ?? []) as { contract: string; role: string }[],
      readAt: s.readAt?.toISOString() ?? null,
    })),
  };
}
