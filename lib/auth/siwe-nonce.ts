import { randomBytes } from "node:crypto";
import { db } from "../db/client";

const NONCE_TTL_MS = 10 * 60 * 1000;

/** A server nonce for one sign-in. SIWE nonces must be alphanumeric, at least 8 characters. */
export async function createSiweNonce(now = new Date()): Promise<string> {
  const nonce = randomBytes(16).toString("hex");
  await db().authNonce.create({ data: { nonce, expiresAt: new Date(now.getTime() + NONCE_TTL_MS) } });
  // Expired nonces are useless: sweep them while we are here, so the table stays small.
  await db().authNonce.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - NONCE_TTL_MS) } } });
  return nonce;
}

/**
 * Marks the nonce used. One UPDATE with the conditions in its WHERE clause makes it single-use even when
 * two sign-ins race with the same message.
 */
export async function consumeSiweNonce(nonce: string, now = new Date()): Promise<boolean> {
  const result = await db().authNonce.updateMany({
    where: { nonce, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return result.count === 1;
}
