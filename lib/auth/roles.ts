import type { MemberRole } from "../db/generated/enums";

export const ROLES = ["viewer", "responder", "commander", "admin"] as const satisfies readonly MemberRole[];
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, responder: 1, commander: 2, admin: 3 };

/** viewer < responder < commander < admin: a role includes every role below it. */
export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}
