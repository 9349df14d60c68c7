/** A Safe's owners, threshold, guard, modules or fallback handler changed on chain (a recorded event). */
export type SafeConfigChange = {
  chainId: number;
  safeId: string;
  safeAddress: string;
  event: string;
  txHash: string;
  blockNumber: bigint;
};

type Listener = (change: SafeConfigChange) => Promise<void> | void;

// On globalThis: Next bundles instrumentation and routes separately, and both must see one list.
const state = globalThis as unknown as { breakglassSafeConfigListeners?: Set<Listener> };
const listeners = () => (state.breakglassSafeConfigListeners ??= new Set());

/**
 * Readiness (pre-signed kits) subscribes here at the edge (instrumentation.ts): lib/watch does not import the
 * kits. Returns the unsubscribe function.
 */
export function onSafeConfigChanged(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Every listener runs; one that fails does not stop the others. Returns the failures' messages. */
export async function notifySafeConfigChanged(change: SafeConfigChange): Promise<string[]> {
  const failures: string[] = [];
  for (const listener of listeners()) {
    try {
      await listener(change);
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
    }
  }
  return failures;
}
