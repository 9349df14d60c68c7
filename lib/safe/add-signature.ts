import { type Address, getAddress, type Hex, hashMessage, recoverAddress, toHex } from "viem";
import { db } from "../db/client";
import type { SafeSignature } from "../db/generated/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { isChainUnreachable } from "./chain-unreachable";
import { hashSafeTransaction } from "./hash-safe-transaction";
import { readSafeCoreOrCached } from "./read-safe-state";
import { reconcileSafeProposals } from "./reconcile-proposals";
import type { TAddSignature } from "./schemas";
import { storeSignature } from "./store-signature";

export type AddSignatureOptions = { proposalId: string; input: TAddSignature; author: EventAuthor };

/**
 * Accepts one owner's signature. The hash is recomputed from the stored fields (never taken from the
 * browser), the signer is recovered from the signature, and ownership is read from the chain right now.
 * While the chain is unreachable ownership is checked against the Safe's cached owners instead and the
 * signature is marked unverified (re-checked on chain before it counts for execution).
 * Every refusal is a distinct 4xx and stores nothing.
 */
export async function addSignature({
  proposalId,
  input,
  author,
}: AddSignatureOptions): Promise<SafeSignature> {
  const found = await db().safeProposal.findUnique({ where: { id: proposalId }, include: { safe: true } });
  if (!found) throw new AppError("NOT_FOUND", "No such proposal.");
  // The chain down must not stop signing: reconciling waits for the chain, the owner check below falls back.
  // Reconciling reads the Safe's owners and threshold from the chain: the owner check uses that same read
  // (a second one, milliseconds later, doubled the RPC calls and cache writes of every signature).
  let isKnownUnreachable = false;
  const reconciled = await reconcileSafeProposals(found.safeId).catch((error: unknown) => {
    if (!isChainUnreachable(error)) throw error;
    isKnownUnreachable = true;
    return null;
  });
  // Read again only if reconciling changed something of this Safe's proposals (it may have moved this one).
  const proposal =
    reconciled && reconciled.changed === 0
      ? found
      : await db().safeProposal.findUniqueOrThrow({ where: { id: proposalId }, include: { safe: true } });
  if (proposal.state !== "signing" && proposal.state !== "ready")
    throw new AppError("CONFLICT", `The proposal is ${proposal.state}: it takes no more signatures.`);
  const { safeTxHash } = hashSafeTransaction(proposal.safe.chainId, proposal.safe.address, proposal);
  if (safeTxHash !== proposal.safeTxHash)
    throw new AppError(
      "CONFLICT",
      "The stored proposal no longer hashes to its safeTxHash; refusing to sign it.",
    );

  const signer = getAddress(input.signer);
  const { recovered, normalized } = await recoverSafeSigner(safeTxHash as Hex, input.signature as Hex);
  if (recovered !== signer)
    throw new AppError(
      "UNPROCESSABLE",
      `The signature is not over this proposal's safeTxHash ${safeTxHash}: it recovers to ${recovered}, not ${signer}. Was different data signed?`,
      { fields: [{ path: "signature", message: "does not match this proposal's safeTxHash" }] },
    );
  const chain = reconciled
    ? { ...reconciled.core, isCached: false, readAt: new Date() }
    : await readSafeCoreOrCached(proposal.safe, { isKnownUnreachable });
  if (!chain.owners.includes(signer))
    throw new AppError(
      "FORBIDDEN",
      chain.isCached
        ? `${signer} is not an owner of ${proposal.safe.label} as last read from the chain (${chain.readAt?.toISOString().slice(11, 16) ?? "?"} UTC; the chain is unreachable); only owners can sign.`
        : `${signer} is not a current owner of ${proposal.safe.label}; only owners can sign.`,
    );
  // A second signature of the same owner is refused by the unique index inside storeSignature (409), also
  // when two arrive at once: no read beforehand.
  return storeSignature({
    proposal,
    signer,
    signature: normalized,
    owners: chain.owners,
    threshold: chain.threshold,
    isOwnerUnverified: chain.isCached,
    author,
  });
}

/**
 * v = 27/28: EIP-712 signature of the safeTxHash (what wallets' signTypedData return). v = 0/1: the same
 * from wallets that do not add 27. v = 31/32: eth_sign of the safeTxHash, which the Safe recognises by v > 30.
 */
export async function recoverSafeSigner(
  safeTxHash: Hex,
  signature: Hex,
): Promise<{ recovered: Address; normalized: Hex }> {
  const v = Number.parseInt(signature.slice(130), 16);
  const rs = signature.slice(0, 130);
  let recovered: Address;
  let normalized: Hex;
  try {
    if (v === 27 || v === 28 || v === 0 || v === 1) {
      normalized = `${rs}${toHex(v < 27 ? v + 27 : v).slice(2)}` as Hex;
      recovered = await recoverAddress({ hash: safeTxHash, signature: normalized });
    } else if (v === 31 || v === 32) {
      normalized = signature;
      recovered = await recoverAddress({
        hash: hashMessage({ raw: safeTxHash }),
        signature: `${rs}${toHex(v - 4).slice(2)}` as Hex,
      });
    } else {
      throw new Error(`v = ${v}`);
    }
  } catch (error) {
    throw new AppError(
      "UNPROCESSABLE",
      `signature: is not a valid ECDSA signature (${(error as Error).message}).`,
      {
        fields: [
          { path: "signature", message: "is not a valid ECDSA signature (v must be 27/28, 0/1 or 31/32)" },
        ],
      },
    );
  }
  return { recovered: getAddress(recovered), normalized: normalized.toLowerCase() as Hex };
}
