import type { Role } from "../auth";
import { db } from "../db/client";
import type { Member } from "../db/generated/client";
import { AppError } from "../errors";
import type { TUpsertMember } from "./schemas";

export function listMembers(): Promise<Member[]> {
  return db().member.findMany({ orderBy: [{ role: "desc" }, { displayName: "asc" }] });
}

export function upsertMember(input: TUpsertMember): Promise<Member> {
  return db().member.upsert({
    where: { address: input.address },
    create: input,
    update: { displayName: input.displayName, role: input.role },
  });
}

/** Changes a role, refusing to demote the last admin (the console would become unmanageable). */
export async function changeMemberRole(options: { memberId: string; role: Role }): Promise<Member> {
  return db().$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { id: options.memberId } });
    if (!member) throw new AppError("NOT_FOUND", "No such member.");
    if (member.role === "admin" && options.role !== "admin") {
      const admins = await tx.member.count({ where: { role: "admin" } });
      if (admins <= 1) throw new AppError("CONFLICT", "The last admin cannot be demoted.");
    }
    return tx.member.update({ where: { id: member.id }, data: { role: options.role } });
  });
}
