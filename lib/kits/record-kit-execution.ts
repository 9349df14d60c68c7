import { type Hex, parseEventLogs } from "viem";
import { publicClientFor, waitForKnownReceipt } from "../chain";
import { db } from "../db/client";
import { AppError } from "../errors";
// The file, not lib/incidents/index.ts: the index pulls next-auth (see claim-kit-execution.ts).
import { transitionIncident } from "../incidents";
import { safeAbi, type TVerificationRead } from "../safe";
import { formatDuration } from "../time";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { runVerification } from "../verifications";

export type KitExecutionResult = {
  executionId: string;
  incidentId: string;
  txHash: string;
  isSuccess: boolean;
  verifications: { signature: string; actual: string; isPassed: boolean | null }[];
  verificationErrors: string[];
  isContained: boolean;
  timeToContainMs: number | null;
};

/**
 * After the transaction is sent (by the executor key or the responder's wallet): wait for the receipt, find
 * the Safe's ExecutionSuccess for the kit's safeTxHash, run the kit's verification reads, and, when they
 * all pass, mark the incident contained with its time to contain. Every step is on the timeline.
 */
export async function recordKitExecution(options: {
  executionId: string;
  txHash: string;
  author: EventAuthor;
}): Promise<KitExecutionResult> {
  const execution = await db().kitExecution.findUnique({
    where: { id: options.executionId },
    include: { kit: { include: { safe: true } } },
  });
  if (!execution) throw new AppError("NOT_FOUND", "No such break-glass run.");
  if (execution.state !== "claimed" && execution.state !== "sent")
    throw new AppError("CONFLICT", `This break-glass run is already ${execution.state}.`);
  const { kit } = execution;
  await db().kitExecution.update({
    where: { id: execution.id },
    data: { state: "sent", txHash: options.txHash },
  });
  const client = await publicClientFor(kit.safe.chainId);
  const receipt = await waitForKnownReceipt(client, options.txHash as Hex, { pollingInterval: 100 });
  const log = parseEventLogs({ abi: safeAbi, logs: receipt.logs }).find(
    (l) =>
      l.address.toLowerCase() === kit.safe.address.toLowerCase() &&
      (l.eventName === "ExecutionSuccess" || l.eventName === "ExecutionFailure") &&
      l.args.txHash.toLowerCase() === execution.safeTxHash.toLowerCase(),
  );
  const isSuccess = receipt.status === "success" && log?.eventName === "ExecutionSuccess";
  await db().$transaction(async (tx) => {
    await tx.kitExecution.update({
      where: { id: execution.id },
      data: { state: isSuccess ? "executed" : "failed", finishedAt: new Date() },
    });
    await appendTimelineEvent(tx, {
      incidentId: execution.incidentId,
      kind: "kit.executed",
      author: options.author,
      payload: {
        kitId: kit.id,
        executionId: execution.id,
        txHash: receipt.transactionHash,
        blockNumber: Number(receipt.blockNumber),
        isSuccess,
        sender: receipt.from,
      },
    });
  });
  const result: KitExecutionResult = {
    executionId: execution.id,
    incidentId: execution.incidentId,
    txHash: receipt.transactionHash,
    isSuccess,
    verifications: [],
    verificationErrors: [],
    isContained: false,
    timeToContainMs: null,
  };
  if (!isSuccess) {
    result.verificationErrors.push(
      log
        ? "The Safe reported ExecutionFailure."
        : "The transaction did not execute this kit (reverted or another nonce).",
    );
    return result;
  }
  for (const read of kit.verifications as TVerificationRead[]) {
    try {
      const event = await runVerification({
        incidentId: execution.incidentId,
        contractId: read.contractId,
        signature: read.signature,
        args: read.args,
        expected: read.expected,
        author: options.author,
        source: `kit:${kit.id}`,
      });
      const p = event.payload as { signature: string; actual: string; isPassed: boolean | null };
      result.verifications.push({ signature: p.signature, actual: p.actual, isPassed: p.isPassed });
    } catch (error) {
      result.verificationErrors.push(`${read.signature}: ${(error as Error).message}`);
    }
  }
  const isVerified =
    result.verificationErrors.length === 0 && result.verifications.every((v) => v.isPassed !== false);
  if (!isVerified) return result;
  await db().kitExecution.update({ where: { id: execution.id }, data: { state: "verified" } });
  const incident = await db().incident.findUniqueOrThrow({ where: { id: execution.incidentId } });
  if (!incident.containedAt && !incident.resolvedAt) {
    const now = new Date();
    const ms = now.getTime() - incident.declaredAt.getTime();
    const proof = result.verifications.map((v) => `${v.signature} = ${v.actual}`).join(", ");
    await transitionIncident({
      incidentId: incident.id,
      // Containing never resolves: nothing to draft.
      onResolved: null,
      transition: {
        action: "contain",
        reason: `Break glass: ${kit.name} executed and verified${proof ? ` (${proof})` : ""}. Time to contain: ${formatDuration(ms)}.`,
      },
      author: options.author,
      now,
    });
    result.isContained = true;
    result.timeToContainMs = ms;
  }
  return result;
}
