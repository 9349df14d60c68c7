import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";

/**
 * The offline-vault file: the kit's definition in the clear (anyone may read what it does) and its
 * signatures sealed with a passphrase: scrypt (N = 2^15, r = 8, p = 1) → AES-256-GCM, with the definition
 * as additional data, so a file whose calls were edited does not decrypt.
 */
export const KIT_FILE_FORMAT = "breakglass-kit/1";

export const ZKitDefinition = z.object({
  id: z.string(),
  name: z.string().min(1).max(120),
  chainId: z.number().int().positive(),
  safe: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  to: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  value: z.string(),
  data: z.string().regex(/^0x[0-9a-fA-F]*$/),
  operation: z.number().int(),
  calls: z.array(z.record(z.string(), z.unknown())),
  verifications: z.array(z.record(z.string(), z.unknown())),
  ladderLength: z.number().int().min(1).max(20),
});
export type KitDefinition = z.infer<typeof ZKitDefinition>;

const ZSealed = z.object({
  kdf: z.literal("scrypt"),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  ciphertext: z.string(),
});

export const ZKitFile = z.object({
  format: z.literal(KIT_FILE_FORMAT),
  exportedAt: z.string(),
  kit: ZKitDefinition,
  signatures: ZSealed,
});

export type SealedSignature = { nonce: number; owner: string; signature: string };
const ZSealedSignatures = z.array(
  z.object({ nonce: z.number().int(), owner: z.string(), signature: z.string() }),
);

const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }) {
  if (params.N > 2 ** 20 || params.r > 16 || params.p > 4)
    throw new AppError("UNPROCESSABLE", "file: its key derivation parameters are out of range.");
  return scryptSync(passphrase, salt, 32, { ...params, maxmem: 256 * params.N * params.r });
}

const aad = (kit: KitDefinition) => createHash("sha256").update(JSON.stringify(kit)).digest();

export function sealKitFile(kit: KitDefinition, signatures: SealedSignature[], passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(passphrase, salt, SCRYPT), iv);
  cipher.setAAD(aad(kit));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(signatures), "utf8"), cipher.final()]);
  const file = {
    format: KIT_FILE_FORMAT,
    exportedAt: new Date().toISOString(),
    kit,
    signatures: {
      kdf: "scrypt",
      ...SCRYPT,
      salt: salt.toString("base64"),
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      ciphertext: ciphertext.toString("base64"),
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function openKitFile(
  text: string,
  passphrase: string,
): { kit: KitDefinition; signatures: SealedSignature[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("UNPROCESSABLE", "file: is not a Breakglass kit file (not JSON).", {
      fields: [{ path: "file", message: "is not JSON" }],
    });
  }
  const parsed = ZKitFile.safeParse(json);
  if (!parsed.success)
    throw new AppError("UNPROCESSABLE", `file: is not a ${KIT_FILE_FORMAT} kit file.`, {
      fields: [{ path: "file", message: `is not a ${KIT_FILE_FORMAT} file` }],
    });
  const { kit, signatures: sealed } = parsed.data;
  let plain: string;
  try {
    const decipher = createDecipheriv(
      "aes-256-gcm",
      deriveKey(passphrase, Buffer.from(sealed.salt, "base64"), sealed),
      Buffer.from(sealed.iv, "base64"),
    );
    decipher.setAAD(aad(kit));
    decipher.setAuthTag(Buffer.from(sealed.tag, "base64"));
    plain = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, "base64")),
      decipher.final(),
    ]).toString("utf8");
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "UNPROCESSABLE",
      "passphrase: cannot open this file (wrong passphrase, or the file was altered).",
      {
        fields: [{ path: "passphrase", message: "cannot open this file" }],
      },
    );
  }
  return { kit, signatures: ZSealedSignatures.parse(JSON.parse(plain)) };
}
