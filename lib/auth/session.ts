import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { db } from "../db/client";
import { AppError } from "../errors";
import { findApiToken } from "./api-tokens";
import { authOptions } from "./auth-options";
import { hasRole, type Role } from "./roles";

/** Who is acting: a signed-in member or an API token. Every mutation records it. */
export type Actor =
  | { kind: "member"; id: string; address: string; name: string; role: Role }
  | { kind: "api"; id: string; address: null; name: string; role: Role };

type TokenRequest = Parameters<typeof getToken>[0]["req"];

/**
 * Who the caller says they are, proven but not yet checked against the members: an API token (looked up,
 * so already an actor) or the address in the session cookie (its encryption checked here, no database).
 */
type Caller = { kind: "token"; actor: Actor } | { kind: "session"; address: string };

/**
 * The session cookie's address. It decrypts the JWT next-auth issued (and checks its expiry) without
 * getServerSession's round through the whole auth handler, which also re-encrypts the token on every call.
 */
async function sessionAddress(): Promise<string | null> {
  // Without a configured secret (plain `next dev`) next-auth derives one of its own; only it can read the cookie.
  if (!authOptions.secret) {
    const session = (await getServerSession(authOptions)) as { address?: string } | null;
    return session?.address ?? null;
  }
  const token = await getToken({
    // getToken reads `cookies.getAll()` (which the request cookies of next/headers have) and `headers` (only
    // for a bearer JWT, which this console does not accept: API tokens are handled by identify()).
    req: { cookies: await cookies(), headers: new Headers() } as unknown as TokenRequest,
    secret: authOptions.secret,
  });
  return typeof token?.address === "string" ? token.address : null;
}

async function identify(request: Request): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    const token = await findApiToken(header.slice(7).trim());
    if (!token) throw new AppError("UNAUTHENTICATED", "The API token is invalid or revoked.");
    return {
      kind: "token",
      actor: { kind: "api", id: token.id, address: null, name: `API token ${token.name}`, role: token.role },
    };
  }
  const address = await sessionAddress();
  if (!address) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return { kind: "session", address };
}

/** The member behind a session, re-read on every request so a demotion or removal applies at once. */
async function memberByAddress(address: string): Promise<Actor | null> {
  const member = await db().member.findUnique({ where: { address } });
  if (!member) return null;
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: member.role,
  };
}

async function actorFor(caller: Caller, required: Role): Promise<Actor> {
  const actor = caller.kind === "token" ? caller.actor : await memberByAddress(caller.address);
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (!hasRole(actor.role, required)) {
    throw new AppError("FORBIDDEN", `This needs the ${required} role; you are ${actor.role}.`);
  }
  return actor;
}

/**
 * For the console's layout: the signed-in member or null. The layout does not know the page's address, so
 * on null it sends the browser to /login with the address it was opening (a signer's proposal link survives
 * sign-in) instead of redirecting from here.
 */
export async function findPageMember(): Promise<Actor | null> {
  const address = await sessionAddress();
  return address ? await memberByAddress(address) : null;
}

/** For pages: the member, or a redirect to /login. Pages only render; mutations go through authorize(). */
export async function requirePageMember(required: Role = "viewer"): Promise<Actor> {
  const address = await sessionAddress();
  const actor = address ? await memberByAddress(address) : null;
  if (!actor) redirect("/login");
  if (!hasRole(actor.role, required))
    throw new AppError("FORBIDDEN", `This page needs the ${required} role.`);
  return actor;
}

/** For route handlers: session cookie or `Authorization: Bearer bg_...`, checked against the required role. */
export async function authorize(request: Request, required: Role): Promise<Actor> {
  return actorFor(await identify(request), required);
}

/**
 * authorize() for a read that does not need the actor: once the cookie or token has proven who calls, the
 * read runs alongside the member lookup instead of after it (one database round trip less on every list).
 * Its result, or its error, reaches the caller only after the role check passed; a caller who proved
 * nothing never starts it.
 */
export async function authorizeRead<T>(request: Request, required: Role, read: () => Promise<T>): Promise<T> {
  const caller = await identify(request);
  // async: a read that throws at once (a bad query string) is held back like one that fails later.
  const result = (async () => read())();
  // Settled below only when the check passes; without this a failed read would be an unhandled rejection.
  result.catch(() => {});
  await actorFor(caller, required);
  return result;
}
