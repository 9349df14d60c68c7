import { getAddress, type Hex } from "viem";
import { publicClientFor } from "../chain";
import { db } from "../db/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import { markExecuted } from "./mark-executed";
import { isOpenProposalState, OPEN_PROPOSAL_STATES } from "./proposal-states";
import { readSafeCore } from "./read-safe-state";
import { recheckOfflineWork } from "./recheck-offline-work";
import { safeAbi } from "./safe-abi";
import { verifyProposal } from "./verify-proposal";

export type Reconciled = {
  chainNonce: number;
  changed: number;
  core: Awaited<ReturnType<typeof readSafeCore>>;
};

// Reconciliations running in this process, by Safe (on globalThis: Next bundles routes apart).
const holder = globalThis as unknown as { breakglassReconciling?: Map<string, Promise<Reconciled>> };
holder.breakglassReconciling ??= new Map();
const running = holder.breakglassReconciling;

/**
 * Brings open proposals in line with the chain: a proposal whose nonce the Safe has passed was either
 * executed by another path (its ExecutionSuccess/Failure is on chain: recorded as executed, reconciled) or
 * can never execute (stale); work done while the chain was unreachable is re-checked. Called before
 * signing, before executing, on chain events and on an explicit refresh.
 *
 * One reconciliation per Safe at a time in this process: a caller that arrives while one runs shares it
 * (its chain read started moments before, during that caller's request). Twenty owners signing at once
 * made twenty identical sets of chain reads and cache writes; now they make one or two.
 */
export function reconcileSafeProposals(safeId: string): Promise<Reconciled> {
  const inFlight = running.get(safeId);
  if (inFlight) return inFlight;
  const started = reconcileNow(safeId).finally(() => running.delete(safeId));
  running.set(safeId, started);
  return started;
}

async function reconcileNow(safeId: string): Promise<Reconciled> {
  const safe = await db().safe.findUniqueOrThrow({ where: { id: safeId } });
  // Reading the chain also refreshes the Safe's cached owners/threshold/nonce (readSafeCore writes them).
  const core = await readSafeCore(safe.chainId, safe.address);
  const passed = await db().safeProposal.findMany({
    where: { safeId, nonce: { lt: core.nonce }, state: { in: [...OPEN_PROPOSAL_STATES] } },
    include: { safe: true },
    orderBy: { nonce: "asc" },
  });
  const client = await publicClientFor(safe.chainId);
  let changed = 0;
  for (const proposal of passed) {
    const fromBlock = BigInt((proposal.simulation as { blockNumber?: string } | null)?.blockNumber ?? "0");
    const logs = await client.getContractEvents({
      address: getAddress(safe.address),
      abi: safeAbi,
      args: { txHash: proposal.safeTxHash as Hex },
      fromBlock,
    });
    const log = logs.find((l) => l.eventName === "ExecutionSuccess" || l.eventName === "ExecutionFailure");
    const current = await db().safeProposal.findUniqueOrThrow({
      where: { id: proposal.id },
      include: { safe: true },
    });
    if (!isOpenProposalState(current.state)) continue;
    changed += 1;
    if (log) {
      const { isRecorded } = await markExecuted(
        current,
        {
          txHash: log.transactionHash,
          blockNumber: log.blockNumber,
          isSuccess: log.eventName === "ExecutionSuccess",
          isReconciled: true,
        },
        SYSTEM_AUTHOR,
      );
      // Executed elsewhere still gets verified here: the incident needs the proof either way.
      if (isRecorded && log.eventName === "ExecutionSuccess") await verifyProposal(current.id, SYSTEM_AUTHOR);
      continue;
    }
    await db().$transaction(async (tx) => {
      const updated = await tx.safeProposal.updateMany({
        where: { id: current.id, state: current.state },
        data: { state: "stale", executingSince: null, executingBy: null },
      });
      if (updated.count === 0 || !current.incidentId) return;
      await appendTimelineEvent(tx, {
        incidentId: current.incidentId,
        kind: "proposal.state_changed",
        author: SYSTEM_AUTHOR,
        payload: {
          proposalId: current.id,
          from: current.state,
          to: "stale",
          reason: `the Safe's nonce is ${core.nonce}: nonce ${current.nonce} was used by another transaction`,
        },
      });
    });
  }
  // Then what was prepared or signed while the chain was unreachable is checked against it.
  changed += await recheckOfflineWork(safeId, core);
  return { chainNonce: core.nonce, changed, core };
}
