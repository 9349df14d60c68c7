import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import {
  type PolicyLevel,
  type PolicyTarget,
  type TEscalationPolicy,
  type TRotation,
  ZEscalationPolicy,
  ZPolicyLevel,
  ZRotation,
} from "./schemas";

export type PolicyView = {
  id: string;
  name: string;
  severities: string[];
  isDefault: boolean;
  levels: PolicyLevel[];
  repeatCount: number;
  reminderSeconds: number;
};

function policyView(row: {
  id: string;
  name: string;
  severities: string[];
  isDefault: boolean;
  levels: unknown;
  repeatCount: number;
  reminderSeconds: number;
}): PolicyView {
  return { ...row, levels: ZPolicyLevel.array().parse(row.levels) };
}

function conflict(error: unknown, what: string): never {
  if ((error as { code?: string }).code === "P2002")
    throw new AppError("CONFLICT", `name: a ${what} with this name exists`, {
      fields: [{ path: "name", message: `a ${what} with this name exists` }],
    });
  throw error;
}

/** Every member, rotation and Safe a policy names must exist: a page must never find a dangling target. */
async function checkTargets(levels: PolicyLevel[]): Promise<void> {
  const targets = levels.flatMap((level) => level.targets);
  const ids = (kind: PolicyTarget["kind"]) => [
    ...new Set(
      targets.flatMap((target) => {
        if (target.kind !== kind) return [];
        if (target.kind === "member") return [target.memberId];
        if (target.kind === "rotation") return [target.rotationId];
        return [target.safeId];
      }),
    ),
  ];
  const [members, rotations, safes] = await Promise.all([
    db().member.count({ where: { id: { in: ids("member") } } }),
    db().rotation.count({ where: { id: { in: ids("rotation") } } }),
    db().safe.count({ where: { id: { in: ids("safe_unsigned") } } }),
  ]);
  if (
    members !== ids("member").length ||
    rotations !== ids("rotation").length ||
    safes !== ids("safe_unsigned").length
  )
    throw new AppError(
      "UNPROCESSABLE",
      "levels: a target names a member, rotation or Safe that does not exist",
      {
        fields: [
          { path: "levels", message: "a target names a member, rotation or Safe that does not exist" },
        ],
      },
    );
}

export async function listPolicies(): Promise<PolicyView[]> {
  const rows = await db().escalationPolicy.findMany({ orderBy: { name: "asc" } });
  return rows.map(policyView);
}

export async function savePolicy(id: string | null, input: TEscalationPolicy): Promise<PolicyView> {
  const parsed = ZEscalationPolicy.parse(input);
  await checkTargets(parsed.levels);
  const data = { ...parsed, levels: parsed.levels as unknown as Prisma.InputJsonValue };
  try {
    const row = await db().$transaction(async (tx) => {
      // One default policy: making this one the default unsets the previous.
      if (parsed.isDefault)
        await tx.escalationPolicy.updateMany({
          where: { isDefault: true, ...(id ? { id: { not: id } } : {}) },
          data: { isDefault: false },
        });
      if (!id) return tx.escalationPolicy.create({ data });
      const existing = await tx.escalationPolicy.findUnique({ where: { id } });
      if (!existing) throw new AppError("NOT_FOUND", "No such escalation policy.");
      return tx.escalationPolicy.update({ where: { id }, data });
    });
    return policyView(row);
  } catch (error) {
    conflict(error, "policy");
  }
}

export async function deletePolicy(id: string): Promise<void> {
  const { count } = await db().escalationPolicy.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such escalation policy.");
}

/** The policy for a severity: the one that lists it, else the default, else none (nobody is paged). */
export async function policyForSeverity(severity: string | null): Promise<PolicyView | null> {
  const rows = await db().escalationPolicy.findMany({ orderBy: { createdAt: "asc" } });
  const match =
    (severity && rows.find((row) => row.severities.includes(severity))) || rows.find((row) => row.isDefault);
  return match ? policyView(match) : null;
}

export type RotationView = {
  id: string;
  name: string;
  period: string;
  handoffAt: Date;
  memberIds: string[];
  overrides: { memberId: string; startsAt: string; endsAt: string }[];
};

export async function listRotations(): Promise<RotationView[]> {
  const rows = await db().rotation.findMany({ orderBy: { name: "asc" } });
  return rows.map((row) => ({ ...row, overrides: row.overrides as RotationView["overrides"] }));
}

export async function saveRotation(id: string | null, input: TRotation): Promise<RotationView> {
  const parsed = ZRotation.parse(input);
  const memberIds = new Set([...parsed.memberIds, ...parsed.overrides.map((o) => o.memberId)]);
  if ((await db().member.count({ where: { id: { in: [...memberIds] } } })) !== memberIds.size)
    throw new AppError("UNPROCESSABLE", "memberIds: a member does not exist", {
      fields: [{ path: "memberIds", message: "a member does not exist" }],
    });
  const data = {
    ...parsed,
    overrides: parsed.overrides.map((o) => ({
      memberId: o.memberId,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
    })),
  };
  try {
    const row = id
      ? await db()
          .rotation.update({ where: { id }, data })
          .catch((error) => {
            if ((error as { code?: string }).code === "P2025")
              throw new AppError("NOT_FOUND", "No such rotation.");
            throw error;
          })
      : await db().rotation.create({ data });
    return { ...row, overrides: row.overrides as RotationView["overrides"] };
  } catch (error) {
    conflict(error, "rotation");
  }
}

export async function deleteRotation(id: string): Promise<void> {
  const { count } = await db().rotation.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("NOT_FOUND", "No such rotation.");
}
