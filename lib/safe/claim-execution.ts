import { concatHex, getAddress, type Hex } from "viem";
import { db } from "../db/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { orChainUnavailable } from "./chain-unreachable";
import type { ExecutionPlan } from "./exec-transaction-args";
import { SIGNING_PROPOSAL_STATES } from "./proposal-states";
import { readSafeCore } from "./read-safe-state";
import { reconcileSafeProposals } from "./reconcile-proposals";
import type { DecodedCall } from "./resolve-calls";
import { simulateSafeTransaction } from "./simulate-safe-transaction";

export const EXECUTION_WAITS =
  "Chain unreachable: execution waits. When the chain answers again the owners, threshold and nonce are re-read and the transaction is simulated before it can execute.";

/** How long a claimed Execute keeps others out: long enough for a wallet prompt and a block. */
export const EXECUTION_LOCK_MS = 2 * 60_000;

export type { ExecutionPlan } from "./exec-transaction-args";

/** Safe's checkSignatures walks owners in ascending address order: sort, then concatenate r‖s‖v. */
export function orderSignatures(rows: { owner: string; signature: string }[]): Hex {
  const sorted = [...rows].sort((a, b) => (BigInt(a.owner) < BigInt(b.owner) ? -1 : 1));
  return concatHex(sorted.map((row) => row.signature as Hex));
}

/**
 * Right before Execute: re-read the chain, re-simulate, then claim the proposal's execution lock in the
 * database and only then hand out the signatures. Two people pressing Execute at once: one gets the plan,
 * the other a clear 409, so only one transaction is sent.
 */
export async function claimExecution(options: {
  proposalId: string;
  actorKey: string;
  author: EventAuthor;
}): Promise<ExecutionPlan> {
  const existing = await db().safeProposal.findUnique({ where: { id: options.proposalId } });
  if (!existing) throw new AppError("NOT_FOUND", "No such proposal.");
  // Never against cached owners: with the chain down, execution waits (and is re-checked when it answers).
  await orChainUnavailable(EXECUTION_WAITS, () => reconcileSafeProposals(existing.safeId));
  const proposal = await db().safeProposal.findUniqueOrThrow({
    where: { id: options.proposalId },
    include: { safe: true, signatures: true },
  });
  if (proposal.state !== "ready" && proposal.state !== "signing")
    throw new AppError("CONFLICT", `The proposal is ${proposal.state}; there is nothing to execute.`);
  const chain = await orChainUnavailable(EXECUTION_WAITS, () =>
    readSafeCore(proposal.safe.chainId, proposal.safe.address),
  );
  if (chain.nonce < proposal.nonce)
    throw new AppError(
      "CONFLICT",
      `The Safe's next nonce is ${chain.nonce}: earlier proposals (nonce ${chain.nonce}…${proposal.nonce - 1}) must execute first.`,
    );
  const valid = proposal.signatures.filter((row) => chain.owners.includes(getAddress(row.owner)));
  if (valid.length < chain.threshold)
    throw new AppError(
      "CONFLICT",
      `${valid.length} of ${chain.threshold} signatures from current owners: not executable yet.`,
    );

  const calls = proposal.calls as DecodedCall[];
  const simulation = await orChainUnavailable(EXECUTION_WAITS, () =>
    simulateSafeTransaction({
      chainId: proposal.safe.chainId,
      safeAddress: proposal.safe.address,
      calls: proposal.isRejection
        ? [{ to: proposal.to, value: "0", data: "0x" }]
        : calls.map((c) => ({ to: c.to, value: c.value, data: c.data })),
    }),
  );
  const now = new Date();
  await db().$transaction(async (tx) => {
    const claimed = await tx.safeProposal.updateMany({
      where: {
        id: proposal.id,
        state: { in: [...SIGNING_PROPOSAL_STATES] },
        OR: [
          { executingSince: null },
          { executingSince: { lt: new Date(now.getTime() - EXECUTION_LOCK_MS) } },
          { executingBy: options.actorKey },
        ],
      },
      data: { executingSince: now, executingBy: options.actorKey, simulation: simulation as object },
    });
    if (claimed.count === 0) {
      const holder = await tx.safeProposal.findUnique({ where: { id: proposal.id } });
      const since = holder?.executingSince?.toISOString().slice(11, 16);
      throw new AppError(
        "CONFLICT",
        `Someone else is already executing this proposal (since ${since} UTC): wait for their transaction.`,
      );
    }
    await appendTimelineEvent(tx, {
      incidentId: proposal.incidentId!,
      kind: "proposal.simulated",
      author: options.author,
      payload: {
        proposalId: proposal.id,
        isSuccess: simulation.isSuccess,
        summary: `Before execution: ${simulation.summary}`,
      },
    });
  });
  if (!simulation.isSuccess) {
    await releaseExecution({ proposalId: proposal.id, actorKey: options.actorKey });
    throw new AppError(
      "CONFLICT",
      `Execution refused: the simulation on the current chain state fails. ${simulation.summary}`,
    );
  }
  return {
    chainId: proposal.safe.chainId,
    safeAddress: getAddress(proposal.safe.address),
    args: {
      to: getAddress(proposal.to),
      value: proposal.value,
      data: proposal.data as Hex,
      operation: proposal.operation,
      safeTxGas: proposal.safeTxGas,
      baseGas: proposal.baseGas,
      gasPrice: proposal.gasPrice,
      gasToken: getAddress(proposal.gasToken),
      refundReceiver: getAddress(proposal.refundReceiver),
      signatures: orderSignatures(valid),
    },
    signers: valid.map((row) => getAddress(row.owner)),
  };
}

/** The claimer gives the lock back (wallet refused, transaction not sent). */
export async function releaseExecution(options: { proposalId: string; actorKey: string }): Promise<void> {
  await db().safeProposal.updateMany({
    where: { id: options.proposalId, executingBy: options.actorKey },
    data: { executingSince: null, executingBy: null },
  });
}
