import { type Address, getAddress, type Hex } from "viem";
import { db } from "../db/client";
import type { SafeProposal, SafeSignature } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";

/**
 * Stores an accepted signature with its timeline event, and moves the proposal to ready at threshold, in one
 * transaction. Callers have already checked the signer against the chain's owners (addSignature for wallet
 * signatures, acceptApprovedHash for a drill's stand-in approvals).
 */
export async function storeSignature(options: {
  proposal: Pick<SafeProposal, "id" | "incidentId" | "state">;
  signer: Address;
  signature: Hex;
  owners: readonly Address[];
  threshold: number;
  isOwnerUnverified?: boolean;
  isStandIn?: boolean;
  author: EventAuthor;
}): Promise<SafeSignature> {
  const { proposal, signer, owners, threshold, author } = options;
  const proposalId = proposal.id;
  try {
    return await db().$transaction(async (tx) => {
      const signature = await tx.safeSignature.create({
        data: {
          proposalId,
          owner: signer,
          signature: options.signature,
          isOwnerUnverified: options.isOwnerUnverified ?? false,
          isStandIn: options.isStandIn ?? false,
        },
      });
      const rows = await tx.safeSignature.findMany({ where: { proposalId }, select: { owner: true } });
      const count = rows.filter((row) => owners.includes(getAddress(row.owner))).length;
      await appendTimelineEvent(tx, {
        incidentId: proposal.incidentId!,
        kind: "proposal.signed",
        author,
        payload: {
          proposalId,
          owner: signer,
          count,
          threshold,
          ...(options.isStandIn ? { isStandIn: true } : {}),
        },
      });
      // Conditional: the proposal may have moved on (executed, rejected) since the caller read it.
      const isReady =
        count >= threshold &&
        proposal.state === "signing" &&
        (
          await tx.safeProposal.updateMany({
            where: { id: proposalId, state: "signing" },
            data: { state: "ready" },
          })
        ).count === 1;
      if (isReady) {
        await appendTimelineEvent(tx, {
          incidentId: proposal.incidentId!,
          kind: "proposal.state_changed",
          author,
          payload: {
            proposalId,
            from: "signing",
            to: "ready",
            reason: `${count} of ${threshold} signatures`,
          },
        });
      }
      return signature;
    });
  } catch (error) {
    // Two requests with the same owner's signature at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", `${signer} has already signed this proposal.`);
    throw error;
  }
}
