import { type DbTransaction, db, type PrismaClient } from "../db/client";
import type { Contract } from "../db/generated/client";
import { asPlaceholder } from "./collect-placeholders";

export type DbLike = PrismaClient | DbTransaction;

/**
 * The registry contract each placeholder is bound to. A PlaceholderBinding row (the mapping screen) wins;
 * otherwise a contract whose own `placeholders` list names it (how the registry describes a contract).
 */
export async function findBoundContracts(
  prisma: DbLike,
  placeholders: readonly string[],
): Promise<Map<string, Contract>> {
  const result = new Map<string, Contract>();
  if (placeholders.length === 0) return result;
  const bindings = await prisma.placeholderBinding.findMany({
    where: { placeholder: { in: [...placeholders] } },
  });
  const ids = [...new Set(bindings.map((binding) => binding.contractId))];
  const bound = ids.length ? await prisma.contract.findMany({ where: { id: { in: ids } } }) : [];
  const byId = new Map(bound.map((contract) => [contract.id, contract]));
  for (const binding of bindings) {
    const contract = byId.get(binding.contractId);
    if (contract) result.set(binding.placeholder, contract);
  }
  const missing = placeholders.filter((placeholder) => !result.has(placeholder));
  if (missing.length) {
    const named = await prisma.contract.findMany({
      where: { placeholders: { hasSome: missing } },
      orderBy: { createdAt: "asc" },
    });
    for (const placeholder of missing) {
      const contract = named.find((row) => row.placeholders.includes(placeholder));
      if (contract) result.set(placeholder, contract);
    }
  }
  return result;
}

/** The bound contract of each action of a parsed runbook (by action index), for showing a version. */
export async function boundContractsByAction(
  actions: readonly { target: string }[],
  prisma: DbLike = db(),
): Promise<Map<number, Pick<Contract, "id" | "name" | "address" | "chainId">>> {
  const targets = actions.map((action) => asPlaceholder(action.target));
  const bound = await findBoundContracts(prisma, [
    ...new Set(targets.filter((target): target is string => target !== null)),
  ]);
  const result = new Map<number, Pick<Contract, "id" | "name" | "address" | "chainId">>();
  targets.forEach((target, index) => {
    const contract = target ? bound.get(target) : undefined;
    if (contract) result.set(index, contract);
  });
  return result;
}
