import { toFunctionSignature } from "viem";
import { abiFunctions, type ChainScope, chainScopeWhere } from "../chain";
import { db } from "../db/client";

/** What the proposal form knows of the registry (no RPC URLs, no secrets). */
export type FormFunction = {
  signature: string;
  name: string;
  inputs: { name: string; type: string }[];
  isPayable: boolean;
};
export type FormContract = {
  id: string;
  name: string;
  address: string;
  chainId: number;
  functions: FormFunction[];
};
export type FormSafe = {
  id: string;
  label: string;
  address: string;
  chainId: number;
  threshold: number | null;
  ownerCount: number;
  roles: { contract: string; role: string }[];
};

/**
 * The registry's contracts with the functions a proposal can call (not view/pure), and its Safes, in the
 * incident's scope (a drill's fork copies, or the real entries).
 */
export async function listProposalTargets(
  scope: ChainScope,
): Promise<{ contracts: FormContract[]; safes: FormSafe[] }> {
  const where = chainScopeWhere(scope);
  const [contractRows, safeRows] = await Promise.all([
    db().contract.findMany({ where, orderBy: { name: "asc" } }),
    db().safe.findMany({ where, orderBy: { label: "asc" } }),
  ]);
  const contracts = contractRows.map((c) => ({
    id: c.id,
    name: c.name,
    address: c.address,
    chainId: c.chainId,
    functions: abiFunctions(c.abi)
      .filter((fn) => fn.stateMutability !== "view" && fn.stateMutability !== "pure")
      .map((fn) => ({
        signature: toFunctionSignature(fn),
        name: fn.name,
        inputs: fn.inputs.map((i) => ({ name: i.name ?? "", type: i.type })),
        isPayable: fn.stateMutability === "payable",
      })),
  }));
  const safes = safeRows.map((s) => ({
    id: s.id,
    label: s.label,
    address: s.address,
    chainId: s.chainId,
    threshold: s.threshold,
    ownerCount: s.owners.length,
    roles: (Array.isArray(s.roles) ? s.roles : []) as { contract: string; role: string }[],
  }));
  return { contracts, safes };
}

/** Each registry contract in the scope with the names of its functions (what the live panel may read). */
export async function listContractFunctionNames(
  scope: ChainScope,
): Promise<{ name: string; address: string; chainId: number; functionNames: Set<string> }[]> {
  const rows = await db().contract.findMany({ where: chainScopeWhere(scope), orderBy: { name: "asc" } });
  return rows.map((c) => ({
    name: c.name,
    address: c.address,
    chainId: c.chainId,
    functionNames: new Set(abiFunctions(c.abi).map((fn) => fn.name)),
  }));
}
