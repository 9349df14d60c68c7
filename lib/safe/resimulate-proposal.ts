import { db } from "../db/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { orChainUnavailable } from "./chain-unreachable";
import type { DecodedCall } from "./resolve-calls";
import { ZVerificationRead } from "./schemas";
import { type Simulation, simulateSafeTransaction } from "./simulate-safe-transaction";
import { toStateReads } from "./state-reads";

/** "Simulate again" on the current chain state (e.g. once a timelock has passed); recorded on the timeline. */
export async function resimulateProposal(proposalId: string, author: EventAuthor): Promise<Simulation> {
  const proposal = await db().safeProposal.findUnique({ where: { id: proposalId }, include: { safe: true } });
  if (!proposal?.incidentId) throw new AppError("NOT_FOUND", "No such proposal.");
  const calls = proposal.calls as DecodedCall[];
  const contracts = await db().contract.findMany({ where: { chainId: proposal.safe.chainId } });
  const simulation = await orChainUnavailable(
    "Chain unreachable: the simulation waits until the chain answers again.",
    () =>
      simulateSafeTransaction({
        chainId: proposal.safe.chainId,
        safeAddress: proposal.safe.address,
        calls: proposal.isRejection
          ? [{ to: proposal.to, value: "0", data: "0x" }]
          : calls.map((call) => ({ to: call.to, value: call.value, data: call.data })),
        reads: toStateReads(
          ZVerificationRead.array()
            .catch([])
            .parse(proposal.verifications ?? []),
          contracts,
        ),
      }),
  );
  await db().$transaction(async (tx) => {
    await tx.safeProposal.update({ where: { id: proposalId }, data: { simulation: simulation as object } });
    await appendTimelineEvent(tx, {
      incidentId: proposal.incidentId!,
      kind: "proposal.simulated",
      author,
      payload: { proposalId, isSuccess: simulation.isSuccess, summary: simulation.summary },
    });
  });
  return simulation;
}
