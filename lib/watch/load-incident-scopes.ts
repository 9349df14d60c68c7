import type { DbTransaction } from "../db/client";
import { collectPlaceholders, findBoundContracts, type ParsedRunbook } from "../runbooks";

/** Lower-case addresses an open incident is about; null: every registry contract (or Safe) of the chain. */
export type IncidentScope = { incidentId: string; contracts: Set<string> | null; safes: Set<string> | null };

/**
 * Which open incidents a chain event concerns. An incident's contracts are the registry contracts it names
 * (affected contracts, by name or address), its attached runbooks' bound contracts and its proposals'
 * targets; its Safes are its proposals' Safes. An incident that names no contract (or no Safe) is about all
 * of them: one deployment serves one protocol, so its registry is what the incident is about. Drills are
 * left out: they run on a fork with a chain id of its own.
 */
export async function loadIncidentScopes(tx: DbTransaction, chainId: number): Promise<IncidentScope[]> {
  const incidents = await tx.incident.findMany({
    where: { resolvedAt: null, isDrill: false },
    select: {
      id: true,
      affectedContracts: true,
      proposals: { select: { to: true, calls: true, safe: { select: { address: true, chainId: true } } } },
      runbooks: { select: { version: { select: { id: true, parsed: true } } } },
    },
  });
  if (incidents.length === 0) return [];
  const contracts = await tx.contract.findMany({ where: { chainId }, select: { name: true, address: true } });
  const byName = new Map(contracts.map((row) => [row.name.toLowerCase(), row.address.toLowerCase()]));
  const registry = new Set(contracts.map((row) => row.address.toLowerCase()));
  const boundByVersion = new Map<string, string[]>();
  for (const incident of incidents) {
    for (const { version } of incident.runbooks) {
      if (boundByVersion.has(version.id)) continue;
      const parsed = version.parsed as Pick<ParsedRunbook, "actions"> | null;
      const placeholders = collectPlaceholders({ actions: parsed?.actions ?? [] }).map(
        (use) => use.placeholder,
      );
      const bound = await findBoundContracts(tx, placeholders);
      boundByVersion.set(
        version.id,
        [...bound.values()].filter((row) => row.chainId === chainId).map((row) => row.address.toLowerCase()),
      );
    }
  }
  return incidents.map((incident) => {
    const named = new Set<string>();
    for (const entry of incident.affectedContracts) {
      const key = entry.trim().toLowerCase();
      const address = byName.get(key) ?? (registry.has(key) ? key : null);
      if (address) named.add(address);
    }
    for (const { version } of incident.runbooks)
      for (const address of boundByVersion.get(version.id) ?? []) named.add(address);
    const safes = new Set<string>();
    for (const proposal of incident.proposals) {
      if (proposal.safe.chainId !== chainId) continue;
      safes.add(proposal.safe.address.toLowerCase());
      const targets = [proposal.to, ...((proposal.calls as { to?: string }[] | null) ?? []).map((c) => c.to)];
      for (const target of targets)
        if (target && registry.has(target.toLowerCase())) named.add(target.toLowerCase());
    }
    return {
      incidentId: incident.id,
      contracts: named.size > 0 ? named : null,
      safes: safes.size > 0 ? safes : null,
    };
  });
}

export function isInScope(
  scope: IncidentScope,
  target: { kind: "contract" | "safe"; address: string },
): boolean {
  const set = target.kind === "safe" ? scope.safes : scope.contracts;
  return set === null || set.has(target.address.toLowerCase());
}
