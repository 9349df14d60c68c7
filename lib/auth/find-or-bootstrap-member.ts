import type { Address } from "viem";
import { db } from "../db/client";
import type { Member } from "../db/generated/client";
import { env } from "../env";

/**
 * The member for a wallet. Addresses in BREAKGLASS_ADMINS become admins on their first sign-in, so a new
 * deployment can be entered without touching the database.
 */
export async function findOrBootstrapMember(address: Address): Promise<Member | null> {
  const member = await db().member.findUnique({ where: { address } });
  if (member) return member;
  const admins = (env().BREAKGLASS_ADMINS ?? []).map((a) => a.toLowerCase());
  if (!admins.includes(address.toLowerCase())) return null;
  return db().member.upsert({
    where: { address },
    create: { address, displayName: `Admin ${address.slice(0, 6)}`, role: "admin" },
    update: {},
  });
}
