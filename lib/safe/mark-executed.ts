import { db } from "../db/client";
import type { SafeProposal } from "../db/generated/client";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { OPEN_PROPOSAL_STATES } from "./proposal-states";
import type { DecodedCall } from "./resolve-calls";
import { readStartedTimelocks, recordTimelocks } from "./timelocks";

export type Execution = { txHash: string; blockNumber: bigint; isSuccess: boolean; isReconciled: boolean };

/**
 * Records an execution seen on chain (by our Execute button or by any other path), in one transaction with
 * its events, the timelocks it started, and the proposals it made stale (same nonce, never executable now).
 * Idempotent: a proposal already recorded as executed is returned unchanged.
 */
export async function markExecuted(
  proposal: SafeProposal & { safe: { chainId: number } },
  execution: Execution,
  reportedBy: EventAuthor,
): Promise<{ proposal: SafeProposal; isRecorded: boolean }> {
  const contracts = await db().contract.findMany({ where: { chainId: proposal.safe.chainId } });
  const timelocks = execution.isSuccess
    ? await readStartedTimelocks(proposal.calls as DecodedCall[], contracts, execution.blockNumber)
    : [];
  const incidentId = proposal.incidentId!;
  // Sent through this console's Execute: attributed to the console and whoever claimed the execution, also
  // when a reconciliation (a page, the chain watch) sees the receipt before the executor's browser reports it.
  const claimant = execution.isReconciled ? await claimantOf(proposal.id) : null;
  const via = !execution.isReconciled || claimant ? "console" : "chain";
  const author = claimant ?? reportedBy;
  return db().$transaction(async (tx) => {
    const to = execution.isSuccess ? "executed" : "failed";
    const claimed = await tx.safeProposal.updateMany({
      where: { id: proposal.id, state: { in: [...OPEN_PROPOSAL_STATES, "stale"] } },
      data: {
        state: to,
        executedTxHash: execution.txHash,
        executedBlock: Number(execution.blockNumber),
        executingSince: null,
        executingBy: null,
      },
    });
    if (claimed.count === 0)
      return {
        proposal: await tx.safeProposal.findUniqueOrThrow({ where: { id: proposal.id } }),
        isRecorded: false,
      };
    await appendTimelineEvent(tx, {
      incidentId,
      kind: "proposal.executed",
      author,
      payload: {
        proposalId: proposal.id,
        txHash: execution.txHash,
        blockNumber: Number(execution.blockNumber),
        isSuccess: execution.isSuccess,
        isReconciled: execution.isReconciled,
        via,
        ...(via === "console" ? { executor: author.label } : {}),
      },
    });
    await appendTimelineEvent(tx, {
      incidentId,
      kind: "proposal.state_changed",
      author,
      payload: {
        proposalId: proposal.id,
        from: proposal.state,
        to,
        reason:
          via === "console"
            ? `executed through this console by ${author.label}`
            : "executed outside this console (seen on chain)",
      },
    });
    if (execution.isSuccess) await recordTimelocks(tx, { id: proposal.id, incidentId }, timelocks, author);
    const rivals = await tx.safeProposal.findMany({
      where: {
        safeId: proposal.safeId,
        nonce: proposal.nonce,
        id: { not: proposal.id },
        state: { in: [...OPEN_PROPOSAL_STATES] },
      },
    });
    for (const rival of rivals) {
      await tx.safeProposal.update({
        where: { id: rival.id },
        data: { state: "stale", executingSince: null, executingBy: null },
      });
      if (rival.incidentId)
        await appendTimelineEvent(tx, {
          incidentId: rival.incidentId,
          kind: "proposal.state_changed",
          author,
          payload: {
            proposalId: rival.id,
            from: rival.state,
            to: "stale",
            reason: `nonce ${proposal.nonce} was used by "${proposal.title}"`,
          },
        });
    }
    return {
      proposal: await tx.safeProposal.findUniqueOrThrow({ where: { id: proposal.id } }),
      isRecorded: true,
    };
  });
}

/** Who holds the proposal's execution claim (`member:<id>` / `api:<id>`, set by claimExecution), as an author. */
async function claimantOf(proposalId: string): Promise<EventAuthor | null> {
  const row = await db().safeProposal.findUnique({
    where: { id: proposalId },
    select: { executingBy: true },
  });
  const [kind, id] = row?.executingBy?.split(":") ?? [];
  if (!id) return null;
  if (kind === "member") {
    const member = await db().member.findUnique({ where: { id }, select: { displayName: true } });
    return member ? { type: "member", id, label: member.displayName } : null;
  }
  if (kind === "api") {
    const token = await db().apiToken.findUnique({ where: { id }, select: { name: true } });
    return token ? { type: "api", id, label: `API token ${token.name}` } : null;
  }
  return null;
}
