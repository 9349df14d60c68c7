import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { db } from "../db/client";
import { AppError } from "../errors";
import { findApiToken } from "./api-tokens";
import { authOptions } from "./auth-options";
import { hasRole, type Role } from "./roles";

/** Who is acting: a signed-in member or an API token. Every mutation records it. */
export type Actor =
  | { kind: "member"; id: string; address: string; name: string; role: Role }
  | { kind: "api"; id: string; address: null; name: string; role: Role };

async function memberFromSession(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as { address?: string } | null;
  if (!session?.address) return null;
  const member = await db().member.findUnique({ where: { address: session.address } });
  if (!member) return null;
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: member.role,
  };
}

/** For pages: the member, or a redirect to /login. Pages only render; mutations go through authorize(). */
export async function requirePageMember(required: Role = "viewer"): Promise<Actor> {
  const actor = await memberFromSession();
  if (!actor) redirect("/login");
  if (!hasRole(actor.role, required))
    throw new AppError("FORBIDDEN", `This page needs the ${required} role.`);
  return actor;
}

/** For route handlers: session cookie or `Authorization: Bearer bg_...`, checked against the required role. */
export async function authorize(request: Request, required: Role): Promise<Actor> {
  const header = request.headers.get("authorization");
  let actor: Actor | null;
  if (header?.toLowerCase().startsWith("bearer ")) {
    const token = await findApiToken(header.slice(7).trim());
    if (!token) throw new AppError("UNAUTHENTICATED", "The API token is invalid or revoked.");
    actor = { kind: "api", id: token.id, address: null, name: `API token ${token.name}`, role: token.role };
  } else {
    actor = await memberFromSession();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  }
  if (!hasRole(actor.role, required)) {
    throw new AppError("FORBIDDEN", `This needs the ${required} role; you are ${actor.role}.`);
  }
  return actor;
}
