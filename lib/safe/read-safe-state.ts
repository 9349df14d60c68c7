import { type Address, getAddress, type Hex, zeroHash } from "viem";
import { abiFunctions, contractAbi, publicClientFor } from "../chain";
import { db } from "../db/client";
import { AppError } from "../errors";
import { chainUnavailable, isChainUnreachable } from "./chain-unreachable";
import { accessControlAbi, safeAbi } from "./safe-abi";

/** How stale the cached read time may get while nothing changed (it is shown only when the chain is down). */
const CACHE_REFRESH_MS = 5_000;

export type SafeRole = { contractId: string; contract: string; role: string; roleHash: Hex };
export type SafeChainState = {
  owners: Address[];
  threshold: number;
  nonce: number;
  version: string;
  roles: SafeRole[];
};

/**
 * Owners, threshold, nonce and version, straight from the chain (invariant 2: the chain is the truth). Every
 * read refreshes the registry row's cache: it is what proposals fall back on while the chain is unreachable.
 */
export async function readSafeCore(chainId: number, address: string) {
  const client = await publicClientFor(chainId);
  const safe = { address: getAddress(address), abi: safeAbi } as const;
  const [owners, threshold, nonce, version] = await Promise.all([
    client.readContract({ ...safe, functionName: "getOwners" }),
    client.readContract({ ...safe, functionName: "getThreshold" }),
    client.readContract({ ...safe, functionName: "nonce" }),
    client.readContract({ ...safe, functionName: "VERSION" }),
  ]);
  const core = {
    owners: owners.map((owner) => getAddress(owner)),
    threshold: Number(threshold),
    nonce: Number(nonce),
    version,
  };
  // Written when something changed or the last write is a few seconds old: twenty signatures at once on
  // one Safe were twenty writes of the same row, queued on its lock, for the same values.
  const now = new Date();
  await db().safe.updateMany({
    where: {
      chainId,
      address: { equals: safe.address, mode: "insensitive" },
      OR: [
        { readAt: null },
        { readAt: { lt: new Date(now.getTime() - CACHE_REFRESH_MS) } },
        { nonce: { not: core.nonce } },
        { nonce: null },
        { threshold: { not: core.threshold } },
        { threshold: null },
        { NOT: { owners: { equals: core.owners } } },
      ],
    },
    data: { owners: core.owners, threshold: core.threshold, nonce: core.nonce, readAt: now },
  });
  return core;
}

export type SafeCore = {
  owners: Address[];
  threshold: number;
  nonce: number;
  /** True: the chain did not answer and these are the registry row's last known values. */
  isCached: boolean;
  readAt: Date | null;
};

type CachedSafe = {
  chainId: number;
  address: string;
  label: string;
  owners: string[];
  threshold: number | null;
  nonce: number | null;
  readAt: Date | null;
};

/** The chain's owners/threshold/nonce, or, when the chain cannot be reached, the last ones read from it. */
export async function readSafeCoreOrCached(
  safe: CachedSafe,
  options: { isKnownUnreachable?: boolean } = {},
): Promise<SafeCore> {
  try {
    // The caller just saw the chain fail: don't wait through the transport's retries a second time.
    if (options.isKnownUnreachable) throw chainUnavailable(`Chain ${safe.chainId} is unreachable.`);
    const core = await readSafeCore(safe.chainId, safe.address);
    return { ...core, isCached: false, readAt: new Date() };
  } catch (error) {
    if (!isChainUnreachable(error)) throw error;
    if (safe.owners.length === 0 || safe.threshold === null || safe.nonce === null)
      throw chainUnavailable(
        `Chain ${safe.chainId} is unreachable and ${safe.label}'s owners were never read: try again when the chain answers.`,
        error,
      );
    return {
      owners: safe.owners.map((owner) => getAddress(owner)),
      threshold: safe.threshold,
      nonce: safe.nonce,
      isCached: true,
      readAt: safe.readAt,
    };
  }
}

/** Role getters an AccessControl contract exposes: `GUARDIAN_ROLE()`, `DEFAULT_ADMIN_ROLE()`... */
export function roleGetters(abi: unknown): string[] {
  const functions = abiFunctions(abi);
  if (!functions.some((fn) => fn.name === "hasRole")) return [];
  return functions
    .filter(
      (fn) =>
        /_ROLE$/.test(fn.name) &&
        fn.inputs.length === 0 &&
        fn.outputs.length === 1 &&
        fn.outputs[0]!.type === "bytes32",
    )
    .map((fn) => fn.name);
}

/** Role ids by name for one contract, read from its own getters (a runbook's constant may be stale). */
export async function readRoleIds(chainId: number, contract: { address: string; abi: unknown }) {
  const names = roleGetters(contract.abi);
  const client = await publicClientFor(chainId);
  return Promise.all(
    names.map(async (name) => {
      const roleHash =
        name === "DEFAULT_ADMIN_ROLE"
          ? zeroHash
          : ((await client.readContract({
              address: getAddress(contract.address),
              abi: contractAbi(contract.abi),
              functionName: name,
            })) as Hex);
      return { name, roleHash };
    }),
  );
}

export async function readRolesHeld(chainId: number, account: string): Promise<SafeRole[]> {
  const contracts = await db().contract.findMany({ where: { chainId }, orderBy: { name: "asc" } });
  const client = await publicClientFor(chainId);
  const perContract = await Promise.all(
    contracts.map(async (contract) => {
      const roles = await readRoleIds(chainId, contract);
      const held = await Promise.all(
        roles.map((role) =>
          client.readContract({
            address: getAddress(contract.address),
            abi: accessControlAbi,
            functionName: "hasRole",
            args: [role.roleHash, getAddress(account)],
          }),
        ),
      );
      return roles
        .filter((_, i) => held[i])
        .map((role) => ({
          contractId: contract.id,
          contract: contract.name,
          role: role.name,
          roleHash: role.roleHash,
        }));
    }),
  );
  return perContract.flat();
}

/** Reads a registry Safe from the chain and caches the result in its row. */
export async function readSafeState(safeId: string): Promise<SafeChainState> {
  const safe = await db().safe.findUnique({ where: { id: safeId } });
  if (!safe) throw new AppError("NOT_FOUND", "No such Safe in the registry.");
  let state: SafeChainState;
  try {
    const [core, roles] = await Promise.all([
      readSafeCore(safe.chainId, safe.address),
      readRolesHeld(safe.chainId, safe.address),
    ]);
    state = { ...core, roles };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isChainUnreachable(error))
      throw chainUnavailable(
        `Chain ${safe.chainId} is unreachable: ${safe.label} shows its last read.`,
        error,
      );
    throw new AppError("BAD_GATEWAY", `Could not read ${safe.label} from chain ${safe.chainId}.`, {
      cause: error,
    });
  }
  await db().safe.update({
    where: { id: safeId },
    data: {
      owners: state.owners,
      threshold: state.threshold,
      nonce: state.nonce,
      roles: state.roles as object,
      readAt: new Date(),
    },
  });
  return state;
}
