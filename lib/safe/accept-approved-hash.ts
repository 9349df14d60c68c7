import { type Address, getAddress, type Hex, pad, parseAbi } from "viem";
import { publicClientFor } from "../chain";
import { db } from "../db/client";
import type { SafeSignature } from "../db/generated/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { hashSafeTransaction } from "./hash-safe-transaction";
import { readSafeCore } from "./read-safe-state";
import { storeSignature } from "./store-signature";

const approvedHashesAbi = parseAbi([
  "function approvedHashes(address owner, bytes32 hash) view returns (uint256)",
]);

/**
 * The Safe's "approved hash" signature (r = owner, s = 0, v = 1): valid because the owner called
 * approveHash(safeTxHash) on chain. Accepted only on a drill's fork, where the facilitator let the fork act
 * for an absent owner, and only after reading approvedHashes(owner, hash) from the chain; the signature is
 * marked as a stand-in so the drill's report says it was not the owner's own.
 */
export async function acceptApprovedHash(options: {
  proposalId: string;
  owner: Address;
  author: EventAuthor;
}): Promise<SafeSignature> {
  const proposal = await db().safeProposal.findUnique({
    where: { id: options.proposalId },
    include: { safe: { include: { chain: true } } },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  if (proposal.safe.chain.drillSourceChainId === null)
    throw new AppError("FORBIDDEN", "Stand-in approvals exist only on a drill's fork.");
  if (proposal.state !== "signing" && proposal.state !== "ready")
    throw new AppError("CONFLICT", `The proposal is ${proposal.state}: it takes no more signatures.`);
  const { safeTxHash } = hashSafeTransaction(proposal.safe.chainId, proposal.safe.address, proposal);
  if (safeTxHash !== proposal.safeTxHash)
    throw new AppError("CONFLICT", "The stored proposal no longer hashes to its safeTxHash.");
  const owner = getAddress(options.owner);
  const chain = await readSafeCore(proposal.safe.chainId, proposal.safe.address);
  if (!chain.owners.includes(owner))
    throw new AppError("FORBIDDEN", `${owner} is not a current owner of ${proposal.safe.label}.`);
  const client = await publicClientFor(proposal.safe.chainId);
  const approved = await client.readContract({
    address: getAddress(proposal.safe.address),
    abi: approvedHashesAbi,
    functionName: "approvedHashes",
    args: [owner, safeTxHash as Hex],
  });
  if (approved === 0n) throw new AppError("CONFLICT", `${owner} has not approved ${safeTxHash} on the fork.`);
  const existing = await db().safeSignature.findUnique({
    where: { proposalId_owner: { proposalId: proposal.id, owner } },
  });
  if (existing) throw new AppError("CONFLICT", `${owner} has already signed this proposal.`);
  return storeSignature({
    proposal,
    signer: owner,
    signature: `${pad(owner, { size: 32 })}${"0".repeat(64)}01` as Hex,
    owners: chain.owners,
    threshold: chain.threshold,
    isStandIn: true,
    author: options.author,
  });
}
