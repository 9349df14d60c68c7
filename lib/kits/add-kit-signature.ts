import { getAddress, type Hex } from "viem";
import { encryptSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { recoverSafeSigner } from "../safe";
import type { EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { kitSafeTxHash } from "./kit-fields";
import { assertKitInService, lockKit, retiredError } from "./lock-kit";
import { configHash, pickConfig, readSafeConfig, type SafeChainView } from "./read-safe-config";
import type { TKitSignature } from "./schemas";

type KitWithSafe = {
  id: string;
  to: string;
  value: string;
  data: string;
  operation: number;
  ladderLength: number;
  safe: { chainId: number; address: string; label: string };
};

export type VerifiedKitSignature = {
  owner: string;
  nonce: number;
  safeTxHash: Hex;
  normalized: Hex;
  configHash: string;
};

/**
 * The rules of proposals, per nonce: the hash is recomputed from the kit's stored fields and the nonce,
 * the signer is recovered from the signature, ownership is read from the chain now. Each refusal has its
 * own message and status; none of them stores anything. The error never contains the signature.
 */
export async function verifyKitSignature(
  kit: KitWithSafe,
  chain: SafeChainView,
  input: TKitSignature,
): Promise<VerifiedKitSignature> {
  const last = chain.nonce + kit.ladderLength - 1;
  if (input.nonce < chain.nonce || input.nonce > last)
    throw new AppError(
      "UNPROCESSABLE",
      input.nonce < chain.nonce
        ? `nonce: ${input.nonce} is already used on chain; the ladder now runs ${chain.nonce}…${last}.`
        : `nonce: ${input.nonce} is beyond the ladder (${chain.nonce}…${last}).`,
      { fields: [{ path: "nonce", message: `must be within ${chain.nonce}…${last}` }] },
    );
  const safeTxHash = kitSafeTxHash(kit.safe.chainId, kit.safe.address, kit, input.nonce);
  const signer = getAddress(input.signer);
  const { recovered, normalized } = await recoverSafeSigner(safeTxHash, input.signature as Hex);
  if (recovered !== signer)
    throw new AppError(
      "UNPROCESSABLE",
      `signature: is not over this kit's SafeTx at nonce ${input.nonce} (${safeTxHash}): it recovers to ${recovered}, not ${signer}. Was different data signed?`,
      { fields: [{ path: "signature", message: `does not match the kit at nonce ${input.nonce}` }] },
    );
  if (!chain.owners.includes(signer))
    throw new AppError(
      "FORBIDDEN",
      `${signer} is not a current owner of ${kit.safe.label}; only owners can sign a kit.`,
    );
  return { owner: signer, nonce: input.nonce, safeTxHash, normalized, configHash: configHash(chain) };
}

/** Accepts one owner's signature at one nonce of the kit's ladder, encrypted before it is stored. */
export async function addKitSignature(options: {
  kitId: string;
  input: TKitSignature;
  author: EventAuthor;
}): Promise<{ owner: string; nonce: number }> {
  const kit = await db().emergencyKit.findUnique({ where: { id: options.kitId }, include: { safe: true } });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  if (kit.retiredAt) throw retiredError(kit.name);
  const chain = await readSafeConfig(kit.safe.chainId, kit.safe.address);
  const verified = await verifyKitSignature(kit, chain, options.input);
  await storeKitSignatures(kit.id, chain, [verified], options.author);
  return { owner: verified.owner, nonce: verified.nonce };
}

/**
 * Stores verified signatures in one transaction. An owner's earlier signature at the same nonce made under
 * another configuration no longer counts: re-signing replaces it. The same one again is a duplicate.
 */
export async function storeKitSignatures(
  kitId: string,
  chain: SafeChainView,
  verified: VerifiedKitSignature[],
  author: EventAuthor,
  options: { isDuplicateRefused?: boolean } = {},
): Promise<number> {
  const refuse = options.isDuplicateRefused ?? true;
  try {
    return await db().$transaction(async (tx) => {
      // A retirement between the caller's read and here would otherwise store a signature it just destroyed.
      await lockKit(tx, kitId);
      await assertKitInService(tx, kitId);
      let stored = 0;
      for (const sig of verified) {
        const key = { kitId_nonce_owner: { kitId, nonce: sig.nonce, owner: sig.owner } };
        const existing = await tx.kitSignature.findUnique({ where: key });
        if (existing && existing.configHash === sig.configHash) {
          if (!refuse) continue;
          throw new AppError("CONFLICT", `${sig.owner} has already signed this kit at nonce ${sig.nonce}.`);
        }
        const data = {
          safeTxHash: sig.safeTxHash,
          configHash: sig.configHash,
          signatureCipher: encryptSecret(sig.normalized),
          createdAt: new Date(),
        };
        if (existing) await tx.kitSignature.update({ where: key, data });
        else await tx.kitSignature.create({ data: { kitId, nonce: sig.nonce, owner: sig.owner, ...data } });
        await appendKitEvent(tx, {
          kitId,
          kind: "kit.signed",
          author,
          payload: { owner: sig.owner, nonce: sig.nonce, safeTxHash: sig.safeTxHash },
        });
        stored += 1;
      }
      if (stored > 0)
        await tx.emergencyKit.update({ where: { id: kitId }, data: { signedConfig: pickConfig(chain) } });
      return stored;
    });
  } catch (error) {
    // The same owner and nonce twice at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", "This owner has already signed this kit at that nonce.");
    throw error;
  }
}
