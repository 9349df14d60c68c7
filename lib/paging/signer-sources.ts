import { getAddress } from "viem";
import { db } from "../db/client";
import { readSafeCoreOrCached } from "../safe";

export type PendingSigners = { owners: string[]; isDone: boolean; reason?: string };

/**
 * Who still has to sign a proposal: the chain's current owners (invariant 2) minus those whose signature is
 * stored. Done at threshold, or when the proposal left the signing states.
 */
export async function pendingProposalSigners(proposalId: string): Promise<PendingSigners> {
  const proposal = await db().safeProposal.findUnique({
    where: { id: proposalId },
    include: { safe: true, signatures: { select: { owner: true } } },
  });
  if (!proposal) return { owners: [], isDone: true, reason: "the proposal no longer exists" };
  if (proposal.state !== "draft" && proposal.state !== "signing")
    return { owners: [], isDone: true, reason: `the proposal is ${proposal.state}` };
  const core = await readSafeCoreOrCached(proposal.safe);
  const signed = new Set(proposal.signatures.map((s) => getAddress(s.owner)));
  if (signed.size >= core.threshold)
    return { owners: [], isDone: true, reason: `threshold reached (${signed.size} of ${core.threshold})` };
  return { owners: core.owners.filter((owner) => !signed.has(getAddress(owner))), isDone: false };
}

/** Owners of a Safe who have not signed the incident's open proposals on it; all owners when there are none. */
export async function unsignedOwnersOfSafe(safeId: string, incidentId: string | null): Promise<string[]> {
  const safe = await db().safe.findUnique({ where: { id: safeId } });
  if (!safe) return [];
  const proposals = incidentId
    ? await db().safeProposal.findMany({
        where: { incidentId, safeId, state: { in: ["draft", "signing"] } },
        select: { id: true },
      })
    : [];
  if (proposals.length === 0) return (await readSafeCoreOrCached(safe)).owners;
  const pending = await Promise.all(proposals.map((p) => pendingProposalSigners(p.id)));
  return [...new Set(pending.flatMap((p) => p.owners))];
}
