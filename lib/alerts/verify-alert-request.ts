import { createHmac, timingSafeEqual } from "node:crypto";
import { decryptSecret, hashSecret } from "../crypto";
import type { AlertSecret } from "../db/generated/client";
import { AppError } from "../errors";

/**
 * How a sender proves it is the source:
 * - bearer: `Authorization: Bearer <secret>`; the stored hash is compared in constant time.
 * - hmac:   `X-Breakglass-Timestamp: <unix seconds>` and `X-Breakglass-Signature: sha256=<hex>` where the hex
 *           is HMAC-SHA256(secret, `${timestamp}.${rawBody}`). A timestamp more than REPLAY_WINDOW_SECONDS
 *           away from the console's clock is refused, so a captured request cannot be replayed later.
 * Any active secret of the source is accepted: during a rotation the old and the new one both work.
 */
export const REPLAY_WINDOW_SECONDS = 300;
export const TIMESTAMP_HEADER = "x-breakglass-timestamp";
export const SIGNATURE_HEADER = "x-breakglass-signature";

type ActiveSecret = Pick<AlertSecret, "id" | "hash" | "ciphertext" | "revokedAt">;

export function signAlertBody(secret: string, timestamp: number | string, body: string | Buffer): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.`).update(body).digest("hex");
  return `sha256=${mac}`;
}

function safeEqualHex(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** Returns the id of the secret that matched; throws AppError otherwise. */
export function verifyAlertRequest(options: {
  authMode: string;
  secrets: ActiveSecret[];
  headers: Headers;
  body: Buffer;
  now: Date;
}): string {
  const active = options.secrets.filter((secret) => secret.revokedAt === null);
  if (options.authMode === "bearer") {
    const header = options.headers.get("authorization") ?? "";
    const token = /^bearer\s+(\S+)$/i.exec(header.trim())?.[1];
    if (!token)
      throw new AppError("BAD_CREDENTIALS", "Send the source's token as Authorization: Bearer <token>.");
    const presented = hashSecret(token);
    const match = active.find((secret) => secret.hash !== null && safeEqualHex(secret.hash, presented));
    if (!match) throw new AppError("BAD_CREDENTIALS", "The token is not an active secret of this source.");
    return match.id;
  }

  const timestamp = options.headers.get(TIMESTAMP_HEADER)?.trim() ?? "";
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(options.headers.get(SIGNATURE_HEADER)?.trim() ?? "")?.[1];
  if (!/^\d{1,12}$/.test(timestamp) || !signature) {
    throw new AppError(
      "BAD_SIGNATURE",
      "Send X-Breakglass-Timestamp (unix seconds) and X-Breakglass-Signature: sha256=<hex of HMAC-SHA256(secret, timestamp + '.' + body)>.",
    );
  }
  const match = active.find((secret) => {
    if (!secret.ciphertext) return false;
    const expected = signAlertBody(decryptSecret(secret.ciphertext), timestamp, options.body).slice(7);
    return safeEqualHex(expected, signature.toLowerCase());
  });
  if (!match)
    throw new AppError("BAD_SIGNATURE", "The signature does not match any active secret of this source.");
  // Checked after the signature, so only a holder of the secret learns that the clock is the problem.
  const skew = Math.abs(options.now.getTime() / 1000 - Number(timestamp));
  if (skew > REPLAY_WINDOW_SECONDS) {
    throw new AppError(
      "STALE_TIMESTAMP",
      `The timestamp is ${Math.round(skew)} s away from the console's clock (window ${REPLAY_WINDOW_SECONDS} s).`,
    );
  }
  return match.id;
}
