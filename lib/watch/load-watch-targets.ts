import { type Abi, type Address, getAddress } from "viem";
import { contractAbi } from "../chain";
import { db } from "../db/client";
import { buildRoleNames, roleNamesInText } from "./role-names";

export type WatchTarget = {
  address: Address;
  kind: "contract" | "safe";
  id: string;
  name: string;
  abi: Abi | null;
};

export type WatchTargets = {
  chainId: number;
  /** Lower-case address → target. */
  byAddress: Map<string, WatchTarget>;
  addresses: Address[];
  roleNames: Map<string, string>;
  explorerUrl: string | null;
};

/**
 * Every registry contract and Safe of a chain, and the role names to show (common ones plus every `X_ROLE`
 * the stored runbooks mention). Re-read every few seconds by the watcher, so registry edits apply live.
 */
export async function loadWatchTargets(chainId: number): Promise<WatchTargets> {
  const [chain, contracts, safes, runbooks] = await Promise.all([
    db().chain.findUnique({ where: { id: chainId }, select: { explorerUrl: true } }),
    db().contract.findMany({
      where: { chainId },
      select: { id: true, name: true, address: true, abi: true },
    }),
    db().safe.findMany({ where: { chainId }, select: { id: true, label: true, address: true } }),
    db().$queryRaw<{ source: string }[]>`
      SELECT DISTINCT ON ("documentId") "source" FROM "RunbookVersion" ORDER BY "documentId", "version" DESC`,
  ]);
  const byAddress = new Map<string, WatchTarget>();
  for (const contract of contracts) {
    const address = getAddress(contract.address);
    byAddress.set(address.toLowerCase(), {
      address,
      kind: "contract",
      id: contract.id,
      name: contract.name,
      abi: Array.isArray(contract.abi) ? contractAbi(contract.abi) : null,
    });
  }
  // A Safe listed as a contract too is watched once, as a Safe (its events are the Safe's).
  for (const safe of safes) {
    const address = getAddress(safe.address);
    byAddress.set(address.toLowerCase(), { address, kind: "safe", id: safe.id, name: safe.label, abi: null });
  }
  const roleNames = buildRoleNames(runbooks.flatMap((row) => roleNamesInText(row.source)));
  return {
    chainId,
    byAddress,
    addresses: [...byAddress.values()].map((target) => target.address),
    roleNames,
    explorerUrl: chain?.explorerUrl ?? null,
  };
}
