import { getAddress, parseAbi } from "viem";
import { hasAbiFunctions, publicClientFor } from "../chain";
import type { DbTransaction } from "../db/client";
import type { Contract } from "../db/generated/client";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import type { DecodedCall } from "./resolve-calls";

/**
 * Functions that start a delay, and how to read when the follow-up becomes possible. Read from the chain
 * (the contract's own constants), so a changed delay is never guessed.
 */
const KNOWN_TIMELOCKS = [
  {
    start: "requestUnpause()",
    followUp: "executeUnpause()",
    reads: ["unpauseRequestTime", "UNPAUSE_DELAY"],
    abi: parseAbi([
      "function unpauseRequestTime() view returns (uint256)",
      "function UNPAUSE_DELAY() view returns (uint256)",
    ]),
  },
] as const;

export type StartedTimelock = {
  contractId: string;
  startedSignature: string;
  followUpSignature: string;
  readyAt: Date;
};

/** After a successful execution: which of its calls started a delay, and until when (read at that block). */
export async function readStartedTimelocks(
  calls: DecodedCall[],
  contracts: Contract[],
  blockNumber: bigint,
): Promise<StartedTimelock[]> {
  const started: StartedTimelock[] = [];
  for (const call of calls) {
    const known = KNOWN_TIMELOCKS.find((t) => t.start === call.signature);
    const contract = contracts.find((c) => c.id === call.contractId);
    if (!known || !contract || !hasFunctions(contract.abi, known.reads)) continue;
    const client = await publicClientFor(contract.chainId);
    const address = getAddress(contract.address);
    const [requestedAt, delay] = await Promise.all(
      known.reads.map((functionName) =>
        client.readContract({ address, abi: known.abi, functionName, blockNumber }),
      ),
    );
    if (!requestedAt) continue;
    started.push({
      contractId: contract.id,
      startedSignature: call.signature,
      followUpSignature: known.followUp,
      readyAt: new Date(Number(requestedAt! + delay!) * 1000),
    });
  }
  return started;
}

export async function recordTimelocks(
  tx: DbTransaction,
  proposal: { id: string; incidentId: string },
  timelocks: StartedTimelock[],
  author: EventAuthor,
) {
  for (const timelock of timelocks) {
    await tx.timelock.create({
      data: { ...timelock, incidentId: proposal.incidentId, proposalId: proposal.id },
    });
    await appendTimelineEvent(tx, {
      incidentId: proposal.incidentId,
      kind: "timelock.started",
      author,
      payload: {
        proposalId: proposal.id,
        readyAt: timelock.readyAt.toISOString(),
        followUp: timelock.followUpSignature,
      },
    });
  }
}

function hasFunctions(abi: unknown, names: readonly string[]): boolean {
  return hasAbiFunctions(abi, names);
}
