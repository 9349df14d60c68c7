import type { Role } from "../auth";
import { db } from "../db/client";
import type { Member } from "../db/generated/client";
import { AppError } from "../errors";
import type { TUpsertMember } from "./schemas";

export function listMembers(): Promise<Member[]> {
  return db().member.findMany({ orderBy: [{ role: "desc" }, { displayName: "asc" }] });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/**
 * Refuses to demote the last admin (the console would become unmanageable). The admins' rows are locked, so
 * two admins demoting each other at once cannot both pass: the second re-reads after the first commits.
 */
async function assertKeepsAnAdmin(tx: Tx, member: Member, nextRole: Role): Promise<void> {
  if (member.role !== "admin" || nextRole === "admin") return;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Member" WHERE "role" = 'admin' FOR UPDATE`;
  if (admins.length <= 1) throw new AppError("CONFLICT", "The last admin cannot be demoted.");
}

/** Adds a member or changes one (by address); the same last-admin rule as changeMemberRole. */
export function upsertMember(input: TUpsertMember): Promise<Member> {
  return db().$transaction(async (tx) => {
    const existing = await tx.member.findUnique({ where: { address: input.address } });
    if (!existing) return tx.member.create({ data: input });
    await assertKeepsAnAdmin(tx, existing, input.role);
    return tx.member.update({
      where: { id: existing.id },
      data: { displayName: input.displayName, role: input.role },
    });
  });
}

export async function changeMemberRole(options: { memberId: string; role: Role }): Promise<Member> {
  return db().$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: options.memberId } });
    if (!member) throw new AppError("NOT_FOUND", "No such member.");
    await assertKeepsAnAdmin(tx, member, options.role);
    return tx.member.update({ where: { id: member.id }, data: { role: options.role } });
  });
}
