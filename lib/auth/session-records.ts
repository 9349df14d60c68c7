import { randomBytes } from "node:crypto";
import { db } from "../db/client";

/** As long as next-auth's session (auth-options.ts): a record outlives no cookie. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * A session record per sign-in. The cookie alone is a bearer credential for 12 h: without a record the
 * server could not end it at sign-out. Expired records are swept on the next sign-in.
 */
export async function createSessionRecord(address: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db().$transaction([
    db().authSession.deleteMany({ where: { expiresAt: { lt: now } } }),
    db().authSession.create({
      data: { id, address, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    }),
  ]);
  return id;
}

export async function isSessionActive(id: string, address: string, now = new Date()): Promise<boolean> {
  const record = await db().authSession.findUnique({ where: { id } });
  return record !== null && record.address === address && record.endedAt === null && record.expiresAt > now;
}

/** Sign-out: the cookie stops working everywhere at once, even a copy taken before. */
export async function endSessionRecord(id: string): Promise<void> {
  await db().authSession.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
}
