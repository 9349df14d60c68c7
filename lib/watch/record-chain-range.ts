import { db } from "../db/client";
import type { ChainEvent } from "../db/generated/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import type { BlockHeader, RawLog } from "./chain-reader";
import { decodeChainLog } from "./decode-chain-log";
import { SAFE_EXECUTION_EVENTS } from "./known-events";
import { isInScope, loadIncidentScopes } from "./load-incident-scopes";
import type { WatchTargets } from "./load-watch-targets";

/** Blocks of hashes kept behind the cursor for reorg walk-back; deeper reorgs than this are not undone. */
export const KEPT_BLOCKS = 512n;

export class CursorMovedError extends Error {
  constructor(chainId: number) {
    super(`chain ${chainId}: the cursor moved under this watcher (another instance advanced it)`);
    this.name = "CursorMovedError";
  }
}

export type CursorPosition = { blockNumber: bigint; blockHash: string };

/**
 * Records one range of blocks in one transaction: the cursor moves from `expected` to `to` (compare-and-set:
 * if another instance moved it, nothing here is written), the events are inserted once each (unique chain,
 * block hash, log index), and each one that concerns an open incident is on its timeline in the same
 * transaction.
 */
export async function recordChainRange(options: {
  targets: WatchTargets;
  expected: CursorPosition;
  headers: BlockHeader[];
  to: BlockHeader;
  logs: RawLog[];
  head: BlockHeader;
  holder: string;
  confirmations: number;
  now: Date;
}): Promise<ChainEvent[]> {
  const { targets, expected, to, logs, head } = options;
  const chainId = targets.chainId;
  return db().$transaction(async (tx) => {
    const moved = await tx.chainCursor.updateMany({
      where: { chainId, blockNumber: expected.blockNumber, blockHash: expected.blockHash },
      data: {
        blockNumber: to.number,
        blockHash: to.hash,
        headNumber: head.number,
        headAt: options.now,
        heartbeatAt: options.now,
        holder: options.holder,
        lastError: null,
        confirmations: options.confirmations,
      },
    });
    if (moved.count !== 1) throw new CursorMovedError(chainId);

    const blocks = new Map<bigint, { hash: string; parentHash: string | null }>();
    for (const log of logs) blocks.set(log.blockNumber, { hash: log.blockHash, parentHash: null });
    for (const header of [...options.headers, to])
      blocks.set(header.number, { hash: header.hash, parentHash: header.parentHash });
    for (const [number, block] of blocks)
      await tx.$executeRaw`
        INSERT INTO "ChainBlock" ("chainId", "number", "hash", "parentHash")
        VALUES (${chainId}, ${number}, ${block.hash}, ${block.parentHash})
        ON CONFLICT ("chainId", "number") DO UPDATE
        SET "hash" = EXCLUDED."hash", "parentHash" = COALESCE(EXCLUDED."parentHash", "ChainBlock"."parentHash")
        WHERE "ChainBlock"."hash" <> EXCLUDED."hash" OR "ChainBlock"."parentHash" IS NULL`;
    await tx.chainBlock.deleteMany({ where: { chainId, number: { lt: to.number - KEPT_BLOCKS } } });

    const timeByBlock = new Map(options.headers.map((header) => [header.number, header.timestamp]));
    timeByBlock.set(to.number, to.timestamp);
    const rows = logs.flatMap((log) => {
      const target = targets.byAddress.get(log.address.toLowerCase());
      if (!target) return [];
      const decoded = decodeChainLog(log, target.abi, targets.roleNames);
      return [
        {
          chainId,
          blockNumber: log.blockNumber,
          blockHash: log.blockHash,
          blockTime: log.blockTime ?? timeByBlock.get(log.blockNumber) ?? null,
          txHash: log.transactionHash,
          logIndex: log.logIndex,
          address: target.address,
          contractId: target.kind === "contract" ? target.id : null,
          safeId: target.kind === "safe" ? target.id : null,
          name: decoded.name,
          signature: decoded.signature,
          args: decoded.args,
          topics: log.topics,
          data: log.data,
        },
      ];
    });
    if (rows.length === 0) return [];
    // A row already there (the same block read again after a lost race or a restart) is skipped.
    const inserted = await tx.chainEvent.createManyAndReturn({ data: rows, skipDuplicates: true });
    if (inserted.length === 0) return inserted;

    const scopes = await loadIncidentScopes(tx, chainId);
    if (scopes.length === 0) return inserted;
    // Console attribution: a Safe execution of a proposal's safeTxHash, and every event of that transaction.
    const safeTxHashes = inserted
      .filter((row) => row.safeId && row.name && SAFE_EXECUTION_EVENTS.has(row.name))
      .map((row) => (row.args as Record<string, string>).txHash?.toLowerCase())
      .filter((hash): hash is string => Boolean(hash));
    const proposals = safeTxHashes.length
      ? await tx.$queryRaw<{ id: string; safeTxHash: string }[]>`
          SELECT "id", lower("safeTxHash") AS "safeTxHash" FROM "SafeProposal"
          WHERE lower("safeTxHash") = ANY(${safeTxHashes})`
      : [];
    const proposalBySafeTx = new Map(proposals.map((row) => [row.safeTxHash, row.id]));
    const proposalByTx = new Map<string, string>();
    for (const row of inserted) {
      const safeTxHash = (row.args as Record<string, string>).txHash?.toLowerCase();
      const proposalId = row.safeId && safeTxHash ? proposalBySafeTx.get(safeTxHash) : undefined;
      if (proposalId) proposalByTx.set(row.txHash.toLowerCase(), proposalId);
    }
    for (const row of inserted) {
      const target = targets.byAddress.get(row.address.toLowerCase())!;
      for (const scope of scopes) {
        if (!isInScope(scope, target)) continue;
        await appendTimelineEvent(tx, {
          incidentId: scope.incidentId,
          kind: "chain.event",
          author: SYSTEM_AUTHOR,
          payload: {
            chainEventId: row.id,
            chainId,
            blockNumber: Number(row.blockNumber),
            blockHash: row.blockHash,
            txHash: row.txHash,
            logIndex: row.logIndex,
            address: row.address,
            emitter: target.name,
            emitterKind: target.kind,
            event: row.name,
            signature: row.signature,
            args: row.args as Record<string, string>,
            explorerUrl: targets.explorerUrl
              ? `${targets.explorerUrl.replace(/\/+$/, "")}/tx/${row.txHash}`
              : null,
            proposalId: proposalByTx.get(row.txHash.toLowerCase()) ?? null,
          },
        });
      }
    }
    return inserted;
  });
}
