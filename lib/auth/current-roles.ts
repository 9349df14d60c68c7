import { db } from "../db/client";
import { effectiveTokenRoleFrom } from "./api-tokens";
import { hasRole, type Role } from "./roles";
import type { Actor } from "./session";

/** How stale the snapshot may be: a demotion or removal reaches every open stream within about this long. */
export const ROLE_SNAPSHOT_MS = 2_000;

type Snapshot = { members: Map<string, Role>; tokens: Map<string, Role | null> };
let cached: { at: number; snapshot: Promise<Snapshot> } | null = null;

/**
 * Every member's and token's current role, read at most once per ROLE_SNAPSHOT_MS per process and shared by
 * all open streams (200 streams re-checking one query each would be 100 queries a second).
 */
function snapshot(now = Date.now()): Promise<Snapshot> {
  if (cached && now - cached.at < ROLE_SNAPSHOT_MS) return cached.snapshot;
  const read = (async () => {
    const [members, tokens] = await Promise.all([
      db().member.findMany({ select: { id: true, address: true, role: true } }),
      db().apiToken.findMany({ where: { revokedAt: null } }),
    ]);
    const byAddress = new Map(members.map((member) => [member.address, member.role]));
    const tokenRecords = new Map(tokens.map((token) => [token.id, token]));
    return {
      members: new Map(members.map((member) => [member.id, member.role])),
      tokens: new Map(
        tokens.map((token) => [token.id, effectiveTokenRoleFrom(token, byAddress, tokenRecords)]),
      ),
    };
  })();
  cached = { at: now, snapshot: read };
  read.catch(() => {
    if (cached?.snapshot === read) cached = null;
  });
  return read;
}

/** The actor's role now (null: removed, revoked, or its creator lost the power). */
export async function currentRoleOf(actor: Actor): Promise<Role | null> {
  const { members, tokens } = await snapshot();
  return (actor.kind === "member" ? members.get(actor.id) : tokens.get(actor.id)) ?? null;
}

/** For open streams: whether the actor still holds `required` (see openSseChannel's access re-check). */
export function stillHasRole(actor: Actor, required: Role): { isAllowed: () => Promise<boolean> } {
  return {
    isAllowed: async () => {
      const role = await currentRoleOf(actor);
      return role !== null && hasRole(role, required);
    },
  };
}
