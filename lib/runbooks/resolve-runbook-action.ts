import { type Address, getAddress, type Hex, isAddress, keccak256, parseUnits, toHex, zeroHash } from "viem";
import { contractAbi, publicClientFor } from "../chain";
import { db } from "../db/client";
import type { Contract, Safe } from "../db/generated/client";
import { asPlaceholder } from "./collect-placeholders";
import { type DbLike, findBoundContracts } from "./find-bound-contracts";
import type { ContractAction } from "./schemas";

export type ResolvedRunbookAction = {
  /** The registry contract the target names (through its placeholder binding, or its address). */
  contract: Contract | null;
  /** The Safe that holds the role the section's "Who:" names, read on chain with hasRole. */
  suggestedSafe: Safe | null;
  role: { name: string; hash: Hex } | null;
  signature: string | null;
  /** Calldata-ready values; null where the runbook leaves a value for the responder to fill in. */
  args: (string | null)[];
  unresolvedArgs: { index: number; asWritten: string; type: string }[];
  /** --value in wei (decimal); "0" when absent; null when the runbook leaves it open. */
  value: string | null;
};

const ROLE_HINT = /\b([A-Z][A-Z0-9_]*_ROLE)\b/;

/** `Any GUARDIAN_ROLE holder` → GUARDIAN_ROLE and its bytes32 (DEFAULT_ADMIN_ROLE is 0x00…, as in OpenZeppelin). */
export function roleFromHint(who: string | null | undefined): { name: string; hash: Hex } | null {
  const name = who ? ROLE_HINT.exec(who)?.[1] : undefined;
  if (!name) return null;
  return { name, hash: name === "DEFAULT_ADMIN_ROLE" ? zeroHash : keccak256(toHex(name)) };
}

/** cast's --value: wei by default, or with a unit ("1ether", "0.5 ether", "10gwei"). */
export function valueToWei(value: string | null): string | null {
  if (value === null) return "0";
  const match = /^\s*(\d+(?:\.\d+)?)\s*(wei|gwei|ether|eth)?\s*$/i.exec(value);
  if (!match) return null;
  const unit = (match[2] ?? "wei").toLowerCase();
  const decimals = unit === "wei" ? 0 : unit === "gwei" ? 9 : 18;
  try {
    return parseUnits(match[1]!, decimals).toString();
  } catch {
    return null;
  }
}

function hasHasRole(abi: unknown): boolean {
  return (
    Array.isArray(abi) &&
    abi.some((item: { type?: string; name?: string }) => item?.type === "function" && item.name === "hasRole")
  );
}

/** The first registry Safe on the contract's chain that holds the role right now (the chain is the truth). */
export async function findRoleHolderSafe(
  prisma: DbLike,
  contract: Contract,
  roleHash: Hex,
): Promise<Safe | null> {
  if (!hasHasRole(contract.abi)) return null;
  const safes = await prisma.safe.findMany({
    where: { chainId: contract.chainId },
    orderBy: { createdAt: "asc" },
  });
  if (safes.length === 0) return null;
  try {
    const client = await publicClientFor(contract.chainId);
    const holds = await Promise.all(
      safes.map((safe) =>
        client.readContract({
          address: getAddress(contract.address),
          abi: contractAbi(contract.abi),
          functionName: "hasRole",
          args: [roleHash, getAddress(safe.address) as Address],
        }),
      ),
    );
    return safes.find((_, index) => holds[index] === true) ?? null;
  } catch {
    // An unreachable RPC only costs the suggestion: the responder picks the Safe on the proposal form.
    return null;
  }
}

function keccakArg(arg: string): string | null {
  const match = /^\$\(\s*cast\s+keccak\s+(?:"([^"$<]*)"|'([^'$<]*)'|([^\s)$<]+))\s*\)$/.exec(arg.trim());
  return match ? keccak256(toHex(match[1] ?? match[2] ?? match[3] ?? "")) : null;
}

/**
 * Everything a Safe proposal form needs from a runbook action: the contract, the Safe that can call it,
 * and its arguments as calldata-ready values (`$(cast keccak "ROLE")` resolved to its bytes32, bound
 * address placeholders resolved to the contract's address).
 */
export async function resolveRunbookAction(
  action: ContractAction,
  options: {
    who?: string | null;
    prisma?: DbLike;
    /** A drill runs on a fork: contracts of the source chain resolve to their copies on the fork. */
    fork?: { sourceChainId: number; forkChainId: number } | null;
  } = {},
): Promise<ResolvedRunbookAction> {
  const prisma = options.prisma ?? db();
  const targetPlaceholder = asPlaceholder(action.target);
  const argPlaceholders = action.args.map((arg) => asPlaceholder(arg));
  const wanted = [targetPlaceholder, ...argPlaceholders].filter((p): p is string => p !== null);
  const bound = await findBoundContracts(prisma, wanted);
  let contract = targetPlaceholder ? (bound.get(targetPlaceholder) ?? null) : null;
  if (!contract && isAddress(action.target, { strict: false })) {
    // A raw address names the real contract; a drill maps it to its fork's copy below.
    contract = await prisma.contract.findFirst({
      where: { address: getAddress(action.target), chain: { drillSourceChainId: null } },
    });
  }
  const fork = options.fork;
  if (contract && fork && contract.chainId === fork.sourceChainId) {
    contract = await prisma.contract.findUnique({
      where: { chainId_address: { chainId: fork.forkChainId, address: contract.address } },
    });
  }
  const args = action.args.map((arg, index) => {
    const given = action.argValues[index] ?? keccakArg(arg);
    if (given !== null) return given;
    const placeholder = argPlaceholders[index];
    const argContract = placeholder ? bound.get(placeholder) : undefined;
    return action.argTypes[index] === "address" && argContract ? argContract.address : null;
  });
  const role = roleFromHint(options.who);
  return {
    contract,
    suggestedSafe: contract && role ? await findRoleHolderSafe(prisma, contract, role.hash) : null,
    role,
    signature: action.signature,
    args,
    unresolvedArgs: args.flatMap((value, index) =>
      value === null ? [{ index, asWritten: action.args[index]!, type: action.argTypes[index] ?? "" }] : [],
    ),
    value: valueToWei(action.value),
  };
}
