import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { db } from "../db/client";
import { AppError } from "../errors";
import { findApiToken } from "./api-tokens";
import { authOptions } from "./auth-options";
import { hasRole, type Role } from "./roles";
import { isSessionActive } from "./session-records";

/** Who is acting: a signed-in member or an API token. Every mutation records it. */
export type Actor =
  | { kind: "member"; id: string; address: string; name: string; role: Role }
  | { kind: "api"; id: string; address: null; name: string; role: Role };

type TokenRequest = Parameters<typeof getToken>[0]["req"];

/** How the caller proved who they are: the origin check applies to cookies only (a browser sends them). */
export type Authenticated = { actor: Actor; via: "session" | "token" };

function parseCookies(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

type SessionClaims = { address: string; sessionId: string | null };

/**
 * The session cookie's claims. It decrypts the JWT next-auth issued (and checks its expiry) without
 * getServerSession's round through the whole auth handler, which also re-encrypts the token on every call.
 * The cookie is read from the request itself (pages pass theirs through next/headers).
 */
async function sessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  // Without a configured secret (plain `next dev`) next-auth derives one of its own; only it can read the cookie.
  if (!authOptions.secret) {
    const session = (await getServerSession(authOptions)) as { address?: string; sessionId?: string } | null;
    return session?.address ? { address: session.address, sessionId: session.sessionId ?? null } : null;
  }
  const token = await getToken({
    // getToken reads `cookies` and `headers` (only for a bearer JWT, which this console does not accept: API
    // tokens are handled by identify()).
    req: { cookies: parseCookies(cookieHeader), headers: new Headers() } as unknown as TokenRequest,
    secret: authOptions.secret,
  }).catch(() => null);
  if (typeof token?.address !== "string") return null;
  return { address: token.address, sessionId: typeof token.sid === "string" ? token.sid : null };
}

/** The member behind a session, re-read on every request so a demotion, removal or sign-out applies at once. */
async function memberForSession(claims: SessionClaims): Promise<Actor | null> {
  // Both reads at once: the session record (sign-out ends it server-side) and the member's current role.
  const [member, isActive] = await Promise.all([
    db().member.findUnique({ where: { address: claims.address } }),
    claims.sessionId ? isSessionActive(claims.sessionId, claims.address) : Promise.resolve(false),
  ]);
  if (!member || !isActive) return null;
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: member.role,
  };
}

/**
 * `Authorization: Bearer <token>` exactly (one space or tab, one token). When an Authorization header is
 * present, it alone decides: a malformed one is refused, never passed over for the session cookie (so
 * `Bearer<TAB>junk` plus a cookie cannot reach the tokens-only API as the cookie's member).
 */
function bearerToken(header: string): string {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header);
  if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "The Authorization header must be: Bearer bg_…");
  return match[1];
}

/**
 * Who calls: an API token (Authorization header) or a signed-in member (session cookie). `tokensOnly`
 * (API v1, for machines) refuses the cookie. The role is checked by the caller (checkRole).
 */
export async function identify(
  request: Request,
  options: { tokensOnly?: boolean } = {},
): Promise<Authenticated> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const token = await findApiToken(bearerToken(header));
    if (!token) throw new AppError("UNAUTHENTICATED", "The API token is invalid or revoked.");
    return {
      via: "token",
      actor: { kind: "api", id: token.id, address: null, name: `API token ${token.name}`, role: token.role },
    };
  }
  if (options.tokensOnly)
    throw new AppError("UNAUTHENTICATED", "An API token is required: Authorization: Bearer bg_…");
  const claims = await sessionClaims(request.headers.get("cookie"));
  if (!claims) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  const actor = await memberForSession(claims);
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return { via: "session", actor };
}

export function checkRole(actor: Actor, required: Role): Actor {
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
  const { headers } = await import("next/headers");
  const claims = await sessionClaims((await headers()).get("cookie"));
  return claims ? await memberForSession(claims) : null;
}

/** For pages: the member, or a redirect to /login. Pages only render; mutations go through route(). */
export async function requirePageMember(required: Role = "viewer"): Promise<Actor> {
  const { headers } = await import("next/headers");
  const claims = await sessionClaims((await headers()).get("cookie"));
  const actor = claims ? await memberForSession(claims) : null;
  if (!actor) redirect("/login");
  if (!hasRole(actor.role, required))
    throw new AppError("FORBIDDEN", `This page needs the ${required} role.`);
  return actor;
}

/**
 * For code that is not a route handler (a server action, a stream re-check): the caller's actor with the
 * required role. Route handlers declare their role in route() instead.
 */
export async function authorize(request: Request, required: Role): Promise<Actor> {
  return checkRole((await identify(request)).actor, required);
}
