import { db } from "../db/client";

/**
 * Which registry entries an incident acts on. A drill copies its source chain's contracts and Safes to its
 * fork at the same addresses and labels: a drill incident must see only the copies (nothing it signs may
 * be valid on the real chain), and every other incident only the real entries (a copy chosen by its label
 * would send a real pause to a fork).
 */
export type ChainScope = { drillChainId: number | null };

export const REAL_CHAINS: ChainScope = { drillChainId: null };

export async function loadIncidentChainScope(incidentId: string): Promise<ChainScope> {
  const drill = await db().drill.findUnique({ where: { incidentId }, select: { forkChainId: true } });
  return { drillChainId: drill?.forkChainId ?? null };
}

/** A Prisma filter for contracts and Safes (both have `chainId` and `chain`) in the scope. */
export function chainScopeWhere(
  scope: ChainScope,
): { chainId: number } | { chain: { drillSourceChainId: null } } {
  return scope.drillChainId !== null
    ? { chainId: scope.drillChainId }
    : { chain: { drillSourceChainId: null } };
}

/** Why a chain is outside the scope, or null when it is inside. */
export async function chainOutsideScope(scope: ChainScope, chainId: number): Promise<string | null> {
  if (scope.drillChainId !== null)
    return chainId === scope.drillChainId ? null : "a drill acts only on its own fork's Safes.";
  const chain = await db().chain.findUnique({ where: { id: chainId }, select: { drillSourceChainId: true } });
  return chain?.drillSourceChainId == null
    ? null
    : "is a drill fork's copy; this incident is not that drill.";
}
