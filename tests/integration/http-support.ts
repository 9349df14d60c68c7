import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { getAddress } from "viem";
import type { Role } from "../../lib/auth";
import { createSessionRecord } from "../../lib/auth/session-records";
import { db } from "../../lib/db/client";

/**
 * A member with a real session: the cookie next-auth would set after SIWE (its JWT, encrypted with the test
 * secret) and the server-side session record sign-in writes. Route handlers are called directly with it.
 */
export async function signedInMember(role: Role, name = `Member ${randomBytes(3).toString("hex")}`) {
  const address = getAddress(`0x${randomBytes(20).toString("hex")}`);
  const member = await db().member.create({ data: { address, displayName: name, role } });
  const sid = await createSessionRecord(address);
  const jwt = await encode({ token: { address, sid }, secret: process.env.NEXTAUTH_SECRET! });
  return { member, sid, cookie: `next-auth.session-token=${jwt}` };
}

export const ORIGIN = "http://breakglass.test";

/** A request as a browser would send it: the cookie, and (unless told otherwise) this console's Origin. */
export function browserRequest(
  path: string,
  options: {
    method?: string;
    cookie?: string;
    json?: unknown;
    body?: BodyInit;
    headers?: Record<string, string>;
    origin?: string | null;
  } = {},
): Request {
  const headers: Record<string, string> = { host: new URL(ORIGIN).host };
  if (options.cookie) headers.cookie = options.cookie;
  const method = options.method ?? "GET";
  if (options.origin !== null && method !== "GET") headers.origin = options.origin ?? ORIGIN;
  if (options.json !== undefined) headers["content-type"] = "application/json";
  Object.assign(headers, options.headers);
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.json !== undefined ? JSON.stringify(options.json) : options.body,
    // @ts-expect-error Node's fetch needs this for a streamed body.
    duplex: "half",
  });
}

export const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });
