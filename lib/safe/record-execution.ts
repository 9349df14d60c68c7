import { type Hex, parseEventLogs } from "viem";
import { publicClientFor, waitForKnownReceipt } from "../chain";
import { db } from "../db/client";
import type { SafeProposal } from "../db/generated/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { releaseExecution } from "./claim-execution";
import { markExecuted } from "./mark-executed";
import { reconcileSafeProposals } from "./reconcile-proposals";
import { safeAbi } from "./safe-abi";
import { type VerifyResult, verifyProposal } from "./verify-proposal";

export type RecordExecutionResult = { proposal: SafeProposal; verification: VerifyResult };

/**
 * The wallet sent execTransaction: wait for the receipt, find the Safe's ExecutionSuccess/ExecutionFailure
 * for this safeTxHash, record it, then run the verification reads. A reverted transaction (e.g. GS026:
 * someone else executed first) is reconciled against the chain instead of being recorded as ours.
 */
export async function recordExecution(options: {
  proposalId: string;
  txHash: string;
  actorKey: string;
  author: EventAuthor;
}): Promise<RecordExecutionResult> {
  const proposal = await db().safeProposal.findUnique({
    where: { id: options.proposalId },
    include: { safe: true },
  });
  if (!proposal) throw new AppError("NOT_FOUND", "No such proposal.");
  if (proposal.state === "executed" && proposal.executedTxHash === options.txHash)
    return { proposal, verification: { events: [], errors: [], isContained: false } };
  const client = await publicClientFor(proposal.safe.chainId);
  const receipt = await waitForKnownReceipt(client, options.txHash as Hex, { pollingInterval: 250 });
  if (receipt.status !== "success") {
    await releaseExecution({ proposalId: proposal.id, actorKey: options.actorKey });
    await reconcileSafeProposals(proposal.safeId);
    const now = await db().safeProposal.findUniqueOrThrow({ where: { id: proposal.id } });
    throw new AppError(
      "CONFLICT",
      now.state === "executed"
        ? `Your transaction reverted because this proposal was already executed (${now.executedTxHash}).`
        : `The execution transaction ${options.txHash} reverted; the proposal is ${now.state}.`,
    );
  }
  const logs = parseEventLogs({ abi: safeAbi, logs: receipt.logs }).filter(
    (log) =>
      log.address.toLowerCase() === proposal.safe.address.toLowerCase() &&
      (log.eventName === "ExecutionSuccess" || log.eventName === "ExecutionFailure") &&
      log.args.txHash.toLowerCase() === proposal.safeTxHash.toLowerCase(),
  );
  const log = logs[0];
  if (!log)
    throw new AppError(
      "UNPROCESSABLE",
      `txHash: ${options.txHash} did not execute this proposal (no ExecutionSuccess for its safeTxHash).`,
      {
        fields: [{ path: "txHash", message: "did not execute this proposal" }],
      },
    );
  const { proposal: updated, isRecorded } = await markExecuted(
    proposal,
    {
      txHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      isSuccess: log.eventName === "ExecutionSuccess",
      isReconciled: false,
    },
    options.author,
  );
  const verification =
    isRecorded && updated.state === "executed"
      ? await verifyProposal(proposal.id, options.author)
      : { events: [], errors: [], isContained: false };
  return { proposal: updated, verification };
}
