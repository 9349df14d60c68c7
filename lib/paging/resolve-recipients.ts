import { getAddress } from "viem";
import type { DbTransaction } from "../db/client";
import { onCallAt } from "./rotation-on-call";
import type { PolicyTarget } from "./schemas";

export type Recipient = { memberId: string; name: string };

/** Members by wallet address (owners are addresses; members are people with routes). */
export async function membersForOwners(
  tx: DbTransaction,
  owners: string[],
): Promise<{ members: Recipient[]; unknownOwners: string[] }> {
  const wanted = owners.map((owner) => getAddress(owner));
  const rows = await tx.member.findMany({
    where: { address: { in: wanted, mode: "insensitive" } },
    select: { id: true, displayName: true, address: true },
  });
  const byAddress = new Map(rows.map((row) => [getAddress(row.address), row]));
  const members: Recipient[] = [];
  const unknownOwners: string[] = [];
  for (const owner of wanted) {
    const row = byAddress.get(owner);
    if (row) members.push({ memberId: row.id, name: row.displayName });
    else unknownOwners.push(owner);
  }
  return { members, unknownOwners };
}

/**
 * The people a level's targets name at `now`: members as such, a rotation's current on-call, and the owners
 * of a Safe who have not signed the incident's open proposals on it (`unsignedOwners` reads the chain).
 */
export async function resolveTargets(
  tx: DbTransaction,
  targets: PolicyTarget[],
  options: { now: Date; unsignedOwners: (safeId: string) => Promise<string[]> },
): Promise<{ members: Recipient[]; unknownOwners: string[] }> {
  const memberIds: string[] = [];
  const unknownOwners: string[] = [];
  for (const target of targets) {
    if (target.kind === "member") memberIds.push(target.memberId);
    else if (target.kind === "rotation") {
      const rotation = await tx.rotation.findUnique({ where: { id: target.rotationId } });
      const onCall = rotation ? onCallAt(rotation, options.now) : null;
      if (onCall) memberIds.push(onCall.memberId);
    } else {
      const owners = await options.unsignedOwners(target.safeId);
      const found = await membersForOwners(tx, owners);
      memberIds.push(...found.members.map((member) => member.memberId));
      unknownOwners.push(...found.unknownOwners);
    }
  }
  const unique = [...new Set(memberIds)];
  const rows = await tx.member.findMany({
    where: { id: { in: unique } },
    select: { id: true, displayName: true },
  });
  const names = new Map(rows.map((row) => [row.id, row.displayName]));
  return {
    members: unique.filter((id) => names.has(id)).map((id) => ({ memberId: id, name: names.get(id)! })),
    unknownOwners,
  };
}
