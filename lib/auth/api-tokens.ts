import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "../db/client";
import type { ApiToken } from "../db/generated/client";
import { hasRole, ROLES, type Role } from "./roles";

const PREFIX = "bg_";

export const ZCreateApiToken = z.object({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  role: z.enum(ROLES),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token and returns it once; only its hash is stored. */
export async function createApiToken(options: {
  name: string;
  role: Role;
  createdBy: string;
}): Promise<{ token: string; record: ApiToken }> {
  const token = `${PREFIX}${randomBytes(24).toString("base64url")}`;
  const record = await db().apiToken.create({
    data: {
      name: options.name,
      role: options.role,
      tokenHash: hashApiToken(token),
      prefix: token.slice(0, 8),
      createdBy: options.createdBy,
    },
  });
  return { token, record };
}

/** Operators make tokens from the command line (`npm run admin`): no member stands behind those. */
const OPERATOR_CREATORS = new Set(["cli"]);
const MAX_CREATOR_CHAIN = 4;

/**
 * A token acts with the lower of its own role and its creator's current role: a token made by an admin who is
 * later demoted to viewer reads as a viewer; one whose creator was removed (or whose creating token was revoked)
 * acts as nobody. `createdBy` is the member's address, `token:<id>` for a token made with a token, or an
 * operator marker (`cli`) for tokens made by `npm run admin`, which only the role they were given caps.
 */
export async function effectiveTokenRole(
  record: Pick<ApiToken, "role" | "createdBy" | "revokedAt">,
  depth = 0,
): Promise<Role | null> {
  if (record.revokedAt) return null;
  const creator = record.createdBy ?? "cli";
  if (OPERATOR_CREATORS.has(creator)) return record.role;
  let creatorRole: Role | null = null;
  if (creator.startsWith("token:")) {
    if (depth >= MAX_CREATOR_CHAIN) return null;
    const parent = await db().apiToken.findUnique({ where: { id: creator.slice(6) } });
    creatorRole = parent ? await effectiveTokenRole(parent, depth + 1) : null;
  } else {
    const member = await db().member.findUnique({ where: { address: creator }, select: { role: true } });
    creatorRole = member?.role ?? null;
  }
  if (!creatorRole) return null;
  return hasRole(creatorRole, record.role) ? record.role : creatorRole;
}

/** effectiveTokenRole over rows already read (the stream re-check reads them all at once). */
export function effectiveTokenRoleFrom(
  record: Pick<ApiToken, "role" | "createdBy" | "revokedAt">,
  memberRoles: Map<string, Role>,
  tokens: Map<string, Pick<ApiToken, "role" | "createdBy" | "revokedAt">>,
  depth = 0,
): Role | null {
  if (record.revokedAt) return null;
  const creator = record.createdBy ?? "cli";
  if (OPERATOR_CREATORS.has(creator)) return record.role;
  let creatorRole: Role | null = null;
  if (creator.startsWith("token:")) {
    const parent = depth < MAX_CREATOR_CHAIN ? tokens.get(creator.slice(6)) : undefined;
    creatorRole = parent ? effectiveTokenRoleFrom(parent, memberRoles, tokens, depth + 1) : null;
  } else creatorRole = memberRoles.get(creator) ?? null;
  if (!creatorRole) return null;
  return hasRole(creatorRole, record.role) ? record.role : creatorRole;
}

/** The token's record with its effective role (see effectiveTokenRole), or null if it may not act. */
export async function findApiToken(token: string): Promise<ApiToken | null> {
  if (!token.startsWith(PREFIX)) return null;
  const record = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!record) return null;
  const role = await effectiveTokenRole(record);
  if (!role) return null;
  // Bookkeeping only: a failure here must not refuse the request.
  void db()
    .apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } })
    .catch(() => {});
  return { ...record, role };
}

export async function revokeApiToken(id: string): Promise<void> {
  await db().apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
}
