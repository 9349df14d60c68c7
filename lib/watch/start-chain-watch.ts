import { randomUUID } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { listChains } from "../chain";
import { env } from "../env";
import type { RoundOutcome } from "./advance-chain-cursor";
import type { ChainReader } from "./chain-reader";
import { runChainLoop } from "./run-chain-loop";

/** pg_try_advisory_lock(class, chainId): "bgw " as an int4, so the key cannot collide with other locks. */
export const WATCH_LOCK_CLASS = 0x62677720;

export type ChainWatchOptions = {
  databaseUrl?: string;
  instanceId?: string;
  /** Only these chains (tests); by default every registry chain. */
  chainIds?: number[];
  confirmations?: (chainId: number) => number;
  pollMs?: number;
  lockRetryMs?: number;
  maxRange?: number;
  startBlock?: (chainId: number) => bigint | undefined;
  readerFor?: (chainId: number) => Promise<ChainReader>;
  onRound?: (chainId: number, outcome: RoundOutcome) => void;
  log?: (line: string) => void;
};

export type ChainWatch = {
  instanceId: string;
  /** The chains this instance is watching right now (it holds their locks). */
  leading: () => number[];
  stop: () => Promise<void>;
};

/**
 * Chain watch for one console instance. Every instance runs this; for each registry chain, the one that holds
 * the chain's PostgreSQL advisory lock runs its watcher, the others retry the lock every few seconds.
 *
 * Why an advisory-lock leader and not the job queue: a watcher is a follower of blocks with one cursor per
 * chain, not a queue of independent jobs; it must run continuously on exactly one instance, and a session
 * lock says exactly that. The lock lives on a dedicated connection (not the pool, whose connections come and
 * go): when the holder dies, PostgreSQL drops its session and the lock, and another instance takes over
 * within `lockRetryMs`. A holder that loses its connection stops its loops; should it still finish a round,
 * the cursor's compare-and-set refuses its write.
 */
export function startChainWatch(options: ChainWatchOptions = {}): ChainWatch {
  const instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const log = options.log ?? ((line: string) => console.error(line));
  const connectionString = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("chain watch needs DATABASE_URL");
  const settings = () => env();
  const lockRetryMs = options.lockRetryMs ?? 2_000;
  const loops = new Map<number, { stop: () => Promise<void> }>();
  let client: pg.Client | null = null;
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastProblem = "";

  const dropLeadership = async () => {
    const stopping = [...loops.values()].map((loop) => loop.stop());
    loops.clear();
    await Promise.all(stopping);
  };
  const loseConnection = async () => {
    const lost = client;
    client = null;
    await dropLeadership();
    await lost?.end().catch(() => {});
  };

  const tick = async () => {
    try {
      if (!client) {
        const next = new pg.Client({ connectionString, application_name: `breakglass-watch ${instanceId}` });
        // An error on an idle connection is emitted, not thrown: without this handler the process would crash.
        next.on("error", () => void loseConnection());
        await next.connect();
        client = next;
      } else {
        await client.query("SELECT 1");
      }
      const chains = (await listChains()).filter(
        (chain) => !options.chainIds || options.chainIds.includes(chain.id),
      );
      for (const chain of chains) {
        if (loops.has(chain.id) || isStopped) continue;
        const { rows } = await client.query<{ isLocked: boolean }>(
          'SELECT pg_try_advisory_lock($1, $2) AS "isLocked"',
          [WATCH_LOCK_CLASS, chain.id],
        );
        if (!rows[0]?.isLocked) continue;
        loops.set(
          chain.id,
          runChainLoop({
            chainId: chain.id,
            holder: instanceId,
            confirmations:
              options.confirmations?.(chain.id) ??
              settings().WATCH_CONFIRMATIONS[String(chain.id)] ??
              settings().BREAKGLASS_WATCH_CONFIRMATIONS,
            pollMs: options.pollMs ?? settings().BREAKGLASS_WATCH_POLL_MS,
            maxRange: options.maxRange ?? settings().BREAKGLASS_WATCH_MAX_RANGE,
            startBlock: options.startBlock?.(chain.id),
            readerFor: options.readerFor,
            onRound: options.onRound ? (outcome) => options.onRound!(chain.id, outcome) : undefined,
            log,
          }),
        );
      }
      // A chain removed from the registry: stop watching it and let its lock go.
      const ids = new Set(chains.map((chain) => chain.id));
      for (const [chainId, loop] of loops) {
        if (ids.has(chainId)) continue;
        loops.delete(chainId);
        await loop.stop();
        await client.query("SELECT pg_advisory_unlock($1, $2)", [WATCH_LOCK_CLASS, chainId]);
      }
      lastProblem = "";
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastProblem) log(`[breakglass] chain watch: ${message}`);
      lastProblem = message;
      await loseConnection();
    }
    if (!isStopped)
      timer = setTimeout(() => {
        running = tick();
      }, lockRetryMs).unref();
  };
  let running = tick();

  return {
    instanceId,
    leading: () => [...loops.keys()],
    stop: async () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await dropLeadership();
      const held = client;
      client = null;
      // Ending the session releases its locks; the explicit unlock makes the hand-over immediate.
      await held?.query("SELECT pg_advisory_unlock_all()").catch(() => {});
      await held?.end().catch(() => {});
    },
  };
}
