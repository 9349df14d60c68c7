import { listChains } from "../chain";
import { db } from "../db/client";
import { env } from "../env";

export type ChainWatchStatus = {
  chainId: number;
  name: string;
  /** ok; lagging (behind the chain, or cannot read it); stopped (no instance is running it); not_started. */
  status: "ok" | "lagging" | "stopped" | "not_started";
  cursorBlock: string | null;
  headBlock: string | null;
  lagBlocks: number | null;
  /** Since the watcher last read the chain's head successfully. */
  secondsSinceHead: number | null;
  error: string | null;
};

/** More confirmed blocks than this still unrecorded is lag, whatever the time says (a slow catch-up). */
export const LAG_BLOCKS = 20;

/**
 * Each registry chain's watcher as health, /metrics and the banner report it (database-wide: whichever
 * instance runs it, the cursor row says how far it is).
 */
export async function readWatchStatus(
  options: { now?: Date; lagSeconds?: number } = {},
): Promise<ChainWatchStatus[]> {
  const now = options.now ?? new Date();
  const lagSeconds = options.lagSeconds ?? env().BREAKGLASS_WATCH_LAG_SECONDS;
  const [chains, cursors] = await Promise.all([listChains(), db().chainCursor.findMany()]);
  const byChain = new Map(cursors.map((cursor) => [cursor.chainId, cursor]));
  return chains.map((chain) => {
    const cursor = byChain.get(chain.id);
    if (!cursor)
      return {
        chainId: chain.id,
        name: chain.name,
        status: "not_started",
        cursorBlock: null,
        headBlock: null,
        lagBlocks: null,
        secondsSinceHead: null,
        error: null,
      };
    const seconds = (at: Date | null) =>
      at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 100) / 10) : null;
    const secondsSinceHead = seconds(cursor.headAt);
    const heartbeat = seconds(cursor.heartbeatAt);
    const lagBlocks =
      cursor.headNumber === null
        ? null
        : Math.max(0, Number(cursor.headNumber - cursor.blockNumber) - (cursor.confirmations ?? 0));
    const isStopped = heartbeat === null || heartbeat > lagSeconds;
    const isLagging =
      (secondsSinceHead ?? Number.POSITIVE_INFINITY) > lagSeconds || (lagBlocks ?? 0) > LAG_BLOCKS;
    return {
      chainId: chain.id,
      name: chain.name,
      status: isStopped ? "stopped" : isLagging ? "lagging" : "ok",
      cursorBlock: cursor.blockNumber.toString(),
      headBlock: cursor.headNumber?.toString() ?? null,
      lagBlocks,
      secondsSinceHead,
      error: cursor.lastError,
    };
  });
}
