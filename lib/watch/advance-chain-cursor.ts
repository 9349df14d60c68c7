import { db } from "../db/client";
import type { ChainEvent } from "../db/generated/client";
import type { BlockHeader, ChainReader } from "./chain-reader";
import type { WatchTargets } from "./load-watch-targets";
import { recordChainRange } from "./record-chain-range";
import { rewindAfterReorg } from "./rewind-after-reorg";

export type RoundOutcome =
  | { status: "started"; head: BlockHeader; cursor: bigint }
  | { status: "idle"; head: BlockHeader; cursor: bigint }
  | { status: "advanced"; head: BlockHeader; cursor: bigint; events: ChainEvent[] }
  | { status: "reorg"; head: BlockHeader; cursor: bigint; retractedEventIds: number[] }
  | { status: "moved"; head: BlockHeader; cursor: bigint };

/**
 * One step of a chain's watcher: read the head; record the next confirmed range (at most `maxRange`
 * blocks) or, if the chain no longer has the cursor's block, rewind to the fork point. Reorgs are found by
 * comparing parents: the first new block must name the cursor's block as its parent. Blocks are read before
 * their logs, and the logs of the range's first and last blocks must carry those blocks' hashes; otherwise
 * the chain moved during the read and the round is retried (nothing written).
 *
 * A first start records nothing old: the cursor begins at the confirmed head (`startBlock` overrides).
 */
export async function advanceChainCursor(options: {
  targets: WatchTargets;
  reader: ChainReader;
  confirmations: number;
  maxRange: number;
  holder: string;
  /** The head seen by the previous round: an unchanged head with a caught-up cursor costs one call. */
  previousHead?: BlockHeader | null;
  startBlock?: bigint;
  now?: Date;
}): Promise<RoundOutcome> {
  const { targets, reader, holder } = options;
  const chainId = targets.chainId;
  const now = options.now ?? new Date();
  const head = await reader.latest();
  const target = head.number - BigInt(options.confirmations);
  const cursor = await db().chainCursor.findUnique({ where: { chainId } });

  if (!cursor) {
    const startNumber = options.startBlock ?? (target > 0n ? target : 0n);
    const start = startNumber === head.number ? head : await reader.block(startNumber);
    if (!start) throw new Error(`chain ${chainId}: no block ${startNumber} to start watching from`);
    await db().chainCursor.createMany({
      data: [
        {
          chainId,
          blockNumber: start.number,
          blockHash: start.hash,
          headNumber: head.number,
          headAt: now,
          heartbeatAt: now,
          holder,
          confirmations: options.confirmations,
        },
      ],
      skipDuplicates: true,
    });
    await db().chainBlock.createMany({
      data: [{ chainId, number: start.number, hash: start.hash, parentHash: start.parentHash }],
      skipDuplicates: true,
    });
    return { status: "started", head, cursor: start.number };
  }

  const position = { blockNumber: cursor.blockNumber, blockHash: cursor.blockHash };
  const rewind = async () => {
    const result = await rewindAfterReorg({ chainId, reader, cursor: position, holder, now });
    return {
      status: "reorg" as const,
      head,
      cursor: result.fork.blockNumber,
      retractedEventIds: result.retractedEventIds,
    };
  };

  if (target <= cursor.blockNumber) {
    // Nothing new to record, but a replaced block at the same height is still a reorg: check the cursor's
    // block whenever the head changed (anvil_reorg, or a competing block of the same height).
    const isHeadUnchanged = options.previousHead?.hash === head.hash;
    if (!isHeadUnchanged || cursor.blockNumber > head.number) {
      const current = cursor.blockNumber === head.number ? head : await reader.block(cursor.blockNumber);
      if (!current || current.hash !== cursor.blockHash) return rewind();
    }
    await db().chainCursor.updateMany({
      where: { chainId },
      data: {
        headNumber: head.number,
        headAt: now,
        heartbeatAt: now,
        holder,
        lastError: null,
        confirmations: options.confirmations,
      },
    });
    return { status: "idle", head, cursor: cursor.blockNumber };
  }

  const from = cursor.blockNumber + 1n;
  const to = target < from + BigInt(options.maxRange) - 1n ? target : from + BigInt(options.maxRange) - 1n;
  const first = from === head.number ? head : await reader.block(from);
  if (!first || first.parentHash !== cursor.blockHash) return rewind();
  const last = to === from ? first : to === head.number ? head : await reader.block(to);
  if (!last) return { status: "moved", head, cursor: cursor.blockNumber };
  const logs = await reader.logs(targets.addresses, from, to);
  const isConsistent = logs.every(
    (log) =>
      log.blockNumber >= from &&
      log.blockNumber <= to &&
      (log.blockNumber !== from || log.blockHash === first.hash) &&
      (log.blockNumber !== to || log.blockHash === last.hash),
  );
  if (!isConsistent) return { status: "moved", head, cursor: cursor.blockNumber };
  const events = await recordChainRange({
    targets,
    expected: position,
    headers: first === last ? [] : [first],
    to: last,
    logs,
    head,
    holder,
    confirmations: options.confirmations,
    now,
  });
  return { status: "advanced", head, cursor: last.number, events };
}
