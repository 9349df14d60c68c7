import { type DbTransaction, db } from "../db/client";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import type { ChainReader } from "./chain-reader";
import { CursorMovedError, type CursorPosition, KEPT_BLOCKS } from "./record-chain-range";

export type Rewind = { fork: CursorPosition; retractedEventIds: number[] };

/**
 * The cursor's block is no longer on the chain (its child names another parent, or the block at its height
 * has another hash). Walk back over the stored block hashes to the newest one the chain still has: the
 * fork point. Every recorded event above it whose block hash is not the chain's hash at its height is
 * retracted (a new row and, on each incident that showed it, a new timeline event correcting it; nothing is
 * edited), and the cursor goes back to the fork point so the replacing blocks are read as new ones.
 */
export async function rewindAfterReorg(options: {
  chainId: number;
  reader: ChainReader;
  cursor: CursorPosition;
  holder: string;
  now: Date;
}): Promise<Rewind> {
  const { chainId, reader, cursor } = options;
  const stored = await db().chainBlock.findMany({
    where: { chainId, number: { lte: cursor.blockNumber } },
    orderBy: { number: "desc" },
    take: Number(KEPT_BLOCKS),
  });
  const canonical = new Map<bigint, string | null>();
  let fork: CursorPosition | null = null;
  for (const row of stored) {
    const header = await reader.block(row.number);
    canonical.set(row.number, header?.hash ?? null);
    if (header && header.hash === row.hash) {
      fork = { blockNumber: row.number, blockHash: row.hash };
      break;
    }
  }
  if (!fork) {
    // Deeper than what is kept: resume just below the oldest stored block, on whatever the chain has there.
    const oldest = stored.at(-1)?.number ?? cursor.blockNumber;
    const number = oldest > 0n ? oldest - 1n : 0n;
    const header = await reader.block(number);
    if (!header) throw new Error(`chain ${chainId}: no block ${number} to resume from after a reorg`);
    fork = { blockNumber: header.number, blockHash: header.hash };
  }
  const candidates = await db().chainEvent.findMany({
    where: { chainId, blockNumber: { gt: fork.blockNumber }, retraction: null },
    select: { id: true, blockNumber: true, blockHash: true, name: true, address: true },
  });
  for (const number of new Set(candidates.map((row) => row.blockNumber)))
    if (!canonical.has(number)) canonical.set(number, (await reader.block(number))?.hash ?? null);
  const replaced = candidates.filter((row) => canonical.get(row.blockNumber) !== row.blockHash);
  const forkPoint = fork;

  await db().$transaction(async (tx) => {
    const moved = await tx.chainCursor.updateMany({
      where: { chainId, blockNumber: cursor.blockNumber, blockHash: cursor.blockHash },
      data: {
        blockNumber: forkPoint.blockNumber,
        blockHash: forkPoint.blockHash,
        heartbeatAt: options.now,
        holder: options.holder,
      },
    });
    if (moved.count !== 1) throw new CursorMovedError(chainId);
    await tx.chainBlock.deleteMany({ where: { chainId, number: { gt: forkPoint.blockNumber } } });
    if (replaced.length === 0) return;
    await tx.chainEventRetraction.createMany({
      data: replaced.map((row) => ({
        chainEventId: row.id,
        canonicalHash: canonical.get(row.blockNumber) ?? null,
      })),
      skipDuplicates: true,
    });
    const ids = replaced.map((row) => row.id);
    const shown = await tx.$queryRaw<{ id: number; incidentId: string; chainEventId: number }[]>`
      SELECT "id", "incidentId", ("payload"->>'chainEventId')::int AS "chainEventId" FROM "TimelineEvent"
      WHERE "kind" = 'chain.event' AND ("payload"->>'chainEventId')::int = ANY(${ids})`;
    const byId = new Map(replaced.map((row) => [row.id, row]));
    for (const entry of shown) {
      const event = byId.get(entry.chainEventId)!;
      const emitter = await emitterName(tx, chainId, event.address);
      await appendTimelineEvent(tx, {
        incidentId: entry.incidentId,
        kind: "chain.event_retracted",
        author: SYSTEM_AUTHOR,
        correctsId: entry.id,
        payload: {
          chainEventId: event.id,
          chainId,
          blockNumber: Number(event.blockNumber),
          blockHash: event.blockHash,
          canonicalHash: canonical.get(event.blockNumber) ?? null,
          event: event.name,
          emitter,
        },
      });
    }
  });
  return { fork: forkPoint, retractedEventIds: replaced.map((row) => row.id) };
}

async function emitterName(tx: DbTransaction, chainId: number, address: string): Promise<string> {
  const contract = await tx.contract.findFirst({ where: { chainId, address }, select: { name: true } });
  if (contract) return contract.name;
  const safe = await tx.safe.findFirst({ where: { chainId, address }, select: { label: true } });
  return safe?.label ?? address;
}
