import { CHAIN_UNREACHABLE_REASON } from "./chain-unreachable";
import type { Simulation } from "./simulate-safe-transaction";

/**
 * What a proposal stores in `simulation` when it was prepared while the chain could not be reached: hashes
 * need no chain, a simulation does. It is run before execution (and as soon as the chain answers again).
 */
export type DeferredSimulation = {
  status: "unavailable";
  reason: string;
  at: string;
  /** The cached Safe state the proposal was prepared against (the nonce may be stale). */
  basis: { nonce: number; owners: number; threshold: number; readAt: string | null };
};

export type StoredSimulation = Simulation | DeferredSimulation;

export const DEFERRED_SIMULATION_TEXT =
  "Not simulated: chain unreachable — will be simulated before execution";

export function isDeferredSimulation(value: unknown): value is DeferredSimulation {
  return (value as { status?: unknown } | null)?.status === "unavailable";
}

/** Built from the cached Safe state a proposal is prepared against while the chain is unreachable. */
export function deferredSimulation(chain: {
  nonce: number;
  owners: string[];
  threshold: number;
  readAt: Date | null;
}): DeferredSimulation {
  return {
    status: "unavailable",
    reason: CHAIN_UNREACHABLE_REASON,
    at: new Date().toISOString(),
    basis: {
      nonce: chain.nonce,
      owners: chain.owners.length,
      threshold: chain.threshold,
      readAt: chain.readAt?.toISOString() ?? null,
    },
  };
}
