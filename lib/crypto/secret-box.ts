import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";
import { AppError } from "../errors";

/**
 * Secrets that must be usable again (HMAC keys, webhook URLs) are encrypted at rest with AES-256-GCM under a
 * key derived from BREAKGLASS_SECRETS_KEY. Format: `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 *
 * Without the variable, development, demo and tests use a fixed, public development key and say so loudly
 * once; production refuses to encrypt or decrypt (a public key would protect nothing).
 */
const DEV_KEY_MATERIAL = "breakglass-development-key-never-use-in-production";
const VERSION = "v1";

let warned = false;

function keyMaterial(): string {
  const configured = process.env.BREAKGLASS_SECRETS_KEY;
  if (configured && configured.length >= 32) return configured;
  if (process.env.NODE_ENV === "production") {
    throw new AppError(
      "UNAVAILABLE",
      "BREAKGLASS_SECRETS_KEY (32+ characters) is required in production to store or use encrypted secrets.",
    );
  }
  if (!warned) {
    warned = true;
    console.warn(
      "[breakglass] WARNING: BREAKGLASS_SECRETS_KEY is not set; secrets are encrypted with the public development key. Set it before storing real secrets.",
    );
  }
  return DEV_KEY_MATERIAL;
}

function deriveKey(material: string): Buffer {
  // The variable is a passphrase-like string of 32+ characters: hash it to exactly 32 bytes.
  return createHash("sha256").update(`breakglass-secrets:${material}`).digest();
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(keyMaterial()), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    iv.toString("base64url"),
    tag.toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function decryptSecret(sealed: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined)
    throw new AppError("INTERNAL", "A stored secret has an unknown format.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(keyMaterial()), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    // Wrong key (BREAKGLASS_SECRETS_KEY changed) or tampered data: never echo the ciphertext.
    throw new AppError(
      "INTERNAL",
      "A stored secret cannot be decrypted: was BREAKGLASS_SECRETS_KEY changed?",
      {
        cause,
      },
    );
  }
}

/** sha256 hex of a token: bearer secrets are only ever compared, so only their hash is stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** True when production lacks the key: the console still starts, but encrypted secrets are refused. */
export function isSecretsKeyMissingInProduction(): boolean {
  const configured = process.env.BREAKGLASS_SECRETS_KEY;
  return process.env.NODE_ENV === "production" && !(configured && configured.length >= 32);
}

/**
 * A token that proves one thing (`purpose`, e.g. "page-ack") about one `subject` (e.g. "<pageId>:<memberId>"),
 * signed with a key derived from BREAKGLASS_SECRETS_KEY for that purpose only: a page's acknowledge link cannot
 * be replayed as anything else. Format: `<subject base64url>.<HMAC-SHA256 base64url>`.
 */
export function signToken(purpose: string, subject: string): string {
  const body = Buffer.from(subject, "utf8").toString("base64url");
  return `${body}.${tokenMac(purpose, body)}`;
}

/** The subject of a valid token for this purpose, or null (wrong purpose, key, or tampered). */
export function verifyToken(purpose: string, token: string): string | null {
  const [body, mac] = token.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(tokenMac(purpose, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Buffer.from(body, "base64url").toString("utf8");
}

function tokenMac(purpose: string, body: string): string {
  const key = createHash("sha256").update(`breakglass-token:${purpose}:${keyMaterial()}`).digest();
  return createHmac("sha256", key).update(body).digest("base64url");
}
