import { type Abi, decodeErrorResult, getAddress, type Hex } from "viem";
import { abiErrors, publicClientFor } from "../chain";
import { db } from "../db/client";
import { KNOWN_ROLE_NAMES } from "./known-role-names";
import { readRoleIds } from "./read-safe-state";
import { accessControlAbi } from "./safe-abi";

export type DecodedRevert = {
  name: string;
  args: string[];
  message: string;
  /** For AccessControl's missing role: the role's name and the registry Safes that do hold it. */
  missingRole?: { role: string; roleHash: Hex; account: string; holders: { id: string; label: string }[] };
};

/**
 * Names a revert the way a responder needs it: the custom error from any registry ABI (e.g.
 * `UnpauseDelayNotElapsed(readyAt)`), `Error(string)`, and for a missing AccessControl role, which role
 * and which Safe holds it, so the proposal can be moved to the right Safe.
 */
export async function decodeRevert(
  chainId: number,
  target: string,
  data: Hex | undefined,
): Promise<DecodedRevert> {
  if (!data || data === "0x")
    return { name: "revert", args: [], message: "Reverted without a reason (empty revert data)." };
  const contracts = await db().contract.findMany({ where: { chainId } });
  const errors = contracts.flatMap((contract) => abiErrors(contract.abi));
  let decoded: { errorName: string; args?: readonly unknown[] };
  try {
    decoded = decodeErrorResult({ abi: [...accessControlAbi, ...errors] as Abi, data });
  } catch {
    return { name: "unknown", args: [], message: `Reverted with undecoded data ${data.slice(0, 10)}…` };
  }
  const args = (decoded.args ?? []).map((arg) => String(arg));
  if (decoded.errorName === "Error") return { name: "Error", args, message: args[0] ?? "Reverted." };
  if (decoded.errorName === "AccessControlUnauthorizedAccount") {
    const [account, roleHash] = decoded.args as [string, Hex];
    const targetContract = contracts.find((c) => c.address.toLowerCase() === target.toLowerCase());
    const roleIds = targetContract ? await readRoleIds(chainId, targetContract).catch(() => []) : [];
    const role =
      roleIds.find((r) => r.roleHash.toLowerCase() === roleHash.toLowerCase())?.name ??
      KNOWN_ROLE_NAMES[roleHash.toLowerCase() as Hex] ??
      roleHash;
    const holders = await safesHoldingRole(chainId, target, roleHash);
    const holderText = holders.length
      ? `${holders.map((h) => h.label).join(", ")} holds it`
      : "no registry Safe holds it";
    return {
      name: decoded.errorName,
      args,
      message: `${getAddress(account)} lacks ${role} on ${targetContract?.name ?? target}; ${holderText}.`,
      missingRole: { role, roleHash, account: getAddress(account), holders },
    };
  }
  return { name: decoded.errorName, args, message: `${decoded.errorName}(${args.join(", ")})` };
}

async function safesHoldingRole(chainId: number, target: string, roleHash: Hex) {
  const safes = await db().safe.findMany({ where: { chainId }, orderBy: { label: "asc" } });
  const client = await publicClientFor(chainId);
  const held = await Promise.all(
    safes.map((safe) =>
      client
        .readContract({
          address: getAddress(target),
          abi: accessControlAbi,
          functionName: "hasRole",
          args: [roleHash, getAddress(safe.address)],
        })
        .catch(() => false),
    ),
  );
  return safes.filter((_, i) => held[i]).map((safe) => ({ id: safe.id, label: safe.label }));
}
