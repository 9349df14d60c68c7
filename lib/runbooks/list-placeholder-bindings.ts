import { db } from "../db/client";
import { collectPlaceholders } from "./collect-placeholders";
import { findBoundContracts } from "./find-bound-contracts";
import type { ParsedRunbook } from "./schemas";

/** A registry contract a placeholder can be bound to. */
export type BindableContract = { id: string; name: string; address: string; chainId: number };

export type PlaceholderBindingRow = {
  placeholder: string;
  contract: BindableContract | null;
  /** A row on the mapping screen (true) or the registry contract's own placeholder list (false). */
  isExplicit: boolean;
  runbooks: { documentId: string; title: string }[];
};

/**
 * Every placeholder the latest version of each runbook uses, plus every binding already made (a binding
 * outlives the runbook that needed it: a later import may use it again), with the contract it resolves to.
 */
export async function listPlaceholderBindings(): Promise<{
  rows: PlaceholderBindingRow[];
  contracts: BindableContract[];
}> {
  const documents = await db().runbookDocument.findMany({
    orderBy: { title: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { parsed: true } } },
  });
  const usedBy = new Map<string, { documentId: string; title: string }[]>();
  for (const document of documents) {
    const parsed = document.versions[0]?.parsed as ParsedRunbook | undefined;
    if (!parsed) continue;
    for (const { placeholder } of collectPlaceholders(parsed)) {
      usedBy.set(placeholder, [
        ...(usedBy.get(placeholder) ?? []),
        { documentId: document.id, title: document.title },
      ]);
    }
  }
  const explicit = await db().placeholderBinding.findMany();
  const explicitSet = new Set(explicit.map((binding) => binding.placeholder));
  const placeholders = [...new Set([...usedBy.keys(), ...explicitSet])].sort((a, b) => a.localeCompare(b));
  const bound = await findBoundContracts(db(), placeholders);
  const contracts = await db().contract.findMany({
    orderBy: [{ chainId: "asc" }, { name: "asc" }],
    select: { id: true, name: true, address: true, chainId: true },
  });
  return {
    rows: placeholders.map((placeholder) => {
      const contract = bound.get(placeholder);
      return {
        placeholder,
        contract: contract
          ? { id: contract.id, name: contract.name, address: contract.address, chainId: contract.chainId }
          : null,
        isExplicit: explicitSet.has(placeholder),
        runbooks: usedBy.get(placeholder) ?? [],
      };
    }),
    contracts,
  };
}
