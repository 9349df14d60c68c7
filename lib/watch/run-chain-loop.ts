import { publicClientFor } from "../chain";
import { db } from "../db/client";
import { metrics } from "../metrics";
import { advanceChainCursor, type RoundOutcome } from "./advance-chain-cursor";
import { type BlockHeader, type ChainReader, createChainReader } from "./chain-reader";
import { handleChainEvents } from "./handle-chain-events";
import { loadWatchTargets, type WatchTargets } from "./load-watch-targets";
import { CursorMovedError } from "./record-chain-range";
import { resolveRetractedAlerts } from "./resolve-retracted-alerts";

export type ChainLoopOptions = {
  chainId: number;
  holder: string;
  confirmations: number;
  pollMs: number;
  maxRange: number;
  startBlock?: bigint;
  /** Tests and the bench pass their own (counting) reader; by default the registry chain's RPC URLs in order. */
  readerFor?: (chainId: number) => Promise<ChainReader>;
  onRound?: (outcome: RoundOutcome) => void;
  log?: (line: string) => void;
};

const TARGETS_REFRESH_MS = 5_000;

/**
 * One chain's watcher, while this instance holds the chain's lock: rounds back to back while catching up,
 * then one per poll interval. A failing round (RPC down, database down) is recorded on the cursor (health
 * and the banner show it as lag) and retried at the next poll, from the cursor: nothing is skipped.
 */
export function runChainLoop(options: ChainLoopOptions): { stop: () => Promise<void> } {
  const { chainId, holder } = options;
  const log = options.log ?? ((line: string) => console.error(line));
  let isStopped = false;
  let wake: (() => void) | null = null;
  const calls: Record<string, number> = {};
  let reader: ChainReader | null = null;
  let targets: WatchTargets | null = null;
  let targetsAt = 0;
  let previousHead: BlockHeader | null = null;
  let lastError = "";
  const counted: Record<string, number> = {};
  // Retracted events whose alerts are still to be resolved: kept until that succeeds (retried every round).
  let unresolvedRetractions: number[] = [];

  const defaultReader = async () => createChainReader(await publicClientFor(chainId), calls);
  const countCalls = () => {
    const source = reader?.calls ?? calls;
    for (const [method, total] of Object.entries(source)) {
      const delta = total - (counted[method] ?? 0);
      if (delta > 0) metrics().watchRpcCalls.inc({ chain: String(chainId), method }, delta);
      counted[method] = total;
    }
  };

  const round = async (): Promise<RoundOutcome> => {
    if (!targets || Date.now() - targetsAt > TARGETS_REFRESH_MS) {
      targets = await loadWatchTargets(chainId);
      reader = await (options.readerFor ?? defaultReader)(chainId);
      targetsAt = Date.now();
    }
    const outcome = await advanceChainCursor({
      targets,
      reader: reader!,
      confirmations: options.confirmations,
      maxRange: options.maxRange,
      holder,
      previousHead,
      startBlock: options.startBlock,
    });
    previousHead = outcome.head;
    if (outcome.status === "advanced" && outcome.events.length)
      metrics().watchEvents.inc({ chain: String(chainId), outcome: "recorded" }, outcome.events.length);
    if (outcome.status === "reorg" && outcome.retractedEventIds.length) {
      metrics().watchEvents.inc(
        { chain: String(chainId), outcome: "retracted" },
        outcome.retractedEventIds.length,
      );
      unresolvedRetractions.push(...outcome.retractedEventIds);
    }
    if (unresolvedRetractions.length) {
      await resolveRetractedAlerts(chainId, unresolvedRetractions);
      unresolvedRetractions = [];
    }
    await handleChainEvents({ targets, log });
    return outcome;
  };

  const done = (async () => {
    while (!isStopped) {
      let isBehind = false;
      try {
        const outcome = await round();
        options.onRound?.(outcome);
        isBehind =
          outcome.status === "advanced" || outcome.status === "reorg" || outcome.status === "started";
        if (outcome.status === "advanced")
          isBehind = outcome.cursor < outcome.head.number - BigInt(options.confirmations);
        lastError = "";
      } catch (error) {
        const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
        // Another instance advanced the cursor (this one lost its lock): not an error of the chain.
        if (!(error instanceof CursorMovedError)) {
          if (message !== lastError) log(`[breakglass] chain ${chainId} watch round failed: ${message}`);
          await db()
            .chainCursor.updateMany({
              where: { chainId },
              data: {
                lastError: message.slice(0, 500),
                lastErrorAt: new Date(),
                heartbeatAt: new Date(),
                holder,
              },
            })
            .catch(() => {});
        }
        lastError = message;
        previousHead = null;
      }
      countCalls();
      if (isStopped) break;
      if (isBehind) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    stop: async () => {
      isStopped = true;
      wake?.();
      await done;
    },
  };
}
