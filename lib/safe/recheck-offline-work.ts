import { type Address, getAddress } from "viem";
import { db } from "../db/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import { isDeferredSimulation } from "./deferred-simulation";
import { OPEN_PROPOSAL_STATES } from "./proposal-states";
import type { DecodedCall } from "./resolve-calls";
import { simulateSafeTransaction } from "./simulate-safe-transaction";

const DEFERRED = { path: ["status"], equals: "unavailable" };

/**
 * The chain answers again: what was done without it is checked against it. Signatures accepted against the
 * cached owners are compared with the chain's owners (a removed owner's signature stays on record but no
 * longer counts), the deferred simulation runs, and the proposal's state follows the recount. Runs as part
 * of reconciling (before signing, before executing, whenever a proposal is viewed), so recovery needs no
 * one to press anything. Conditional updates make concurrent re-checks record each fact once.
 */
export async function recheckOfflineWork(
  safeId: string,
  chain: { owners: Address[]; threshold: number },
): Promise<number> {
  const proposals = await db().safeProposal.findMany({
    where: {
      safeId,
      state: { in: [...OPEN_PROPOSAL_STATES] },
      OR: [{ simulation: DEFERRED }, { signatures: { some: { isOwnerUnverified: true } } }],
    },
    include: { safe: true, signatures: true },
    orderBy: { nonce: "asc" },
  });
  for (const proposal of proposals) {
    const calls = proposal.calls as DecodedCall[];
    const simulation = isDeferredSimulation(proposal.simulation)
      ? await simulateSafeTransaction({
          chainId: proposal.safe.chainId,
          safeAddress: proposal.safe.address,
          calls: proposal.isRejection
            ? [{ to: proposal.to, value: "0", data: "0x" }]
            : calls.map((call) => ({ to: call.to, value: call.value, data: call.data })),
        })
      : null;
    await db().$transaction(async (tx) => {
      const incidentId = proposal.incidentId;
      const note = async (event: Parameters<typeof appendTimelineEvent>[1]) => {
        if (incidentId) await appendTimelineEvent(tx, event);
      };
      for (const signature of proposal.signatures.filter((s) => s.isOwnerUnverified)) {
        const updated = await tx.safeSignature.updateMany({
          where: { id: signature.id, isOwnerUnverified: true },
          data: { isOwnerUnverified: false },
        });
        if (updated.count === 0) continue;
        const isOwner = chain.owners.includes(getAddress(signature.owner));
        await note({
          incidentId: incidentId!,
          kind: "proposal.signature_rechecked",
          author: SYSTEM_AUTHOR,
          payload: {
            proposalId: proposal.id,
            owner: getAddress(signature.owner),
            isOwner,
            summary: isOwner
              ? "signed while the chain was unreachable; confirmed as an owner on chain"
              : "signed while the chain was unreachable; NOT an owner on chain: the signature does not count",
          },
        });
      }
      if (simulation) {
        const updated = await tx.safeProposal.updateMany({
          where: { id: proposal.id, simulation: DEFERRED },
          data: { simulation: simulation as object },
        });
        if (updated.count > 0)
          await note({
            incidentId: incidentId!,
            kind: "proposal.simulated",
            author: SYSTEM_AUTHOR,
            payload: {
              proposalId: proposal.id,
              isSuccess: simulation.isSuccess,
              summary: `Deferred simulation (prepared while the chain was unreachable): ${simulation.summary}`,
            },
          });
      }
      const signers = await tx.safeSignature.findMany({
        where: { proposalId: proposal.id },
        select: { owner: true },
      });
      const count = signers.filter((s) => chain.owners.includes(getAddress(s.owner))).length;
      const current = await tx.safeProposal.findUniqueOrThrow({ where: { id: proposal.id } });
      const to = count >= chain.threshold ? "ready" : "signing";
      if ((current.state !== "signing" && current.state !== "ready") || current.state === to) return;
      const moved = await tx.safeProposal.updateMany({
        where: { id: proposal.id, state: current.state },
        data: { state: to },
      });
      if (moved.count > 0)
        await note({
          incidentId: incidentId!,
          kind: "proposal.state_changed",
          author: SYSTEM_AUTHOR,
          payload: {
            proposalId: proposal.id,
            from: current.state,
            to,
            reason: `${count} of ${chain.threshold} signatures from owners on chain (re-checked after the chain was unreachable)`,
          },
        });
    });
  }
  return proposals.length;
}
