import { recheckKits } from "./recheck-kits";

const state = globalThis as unknown as { breakglassKitRecheck?: { stop: () => void } };

/**
 * Rechecks every kit once a minute in each server process (instrumentation.ts starts it), like the
 * notification worker. The recheck is idempotent and its notifications are compare-and-set, so several
 * instances may run it. When lib/jobs (graphile-worker) lands this becomes its cron task.
 */
export function startKitRecheck(options: { intervalMs?: number } = {}): { stop: () => void } {
  if (state.breakglassKitRecheck) return state.breakglassKitRecheck;
  const intervalMs = options.intervalMs ?? 60_000;
  let isStopped = false;
  let lastError = "";
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await recheckKits();
      lastError = "";
    } catch (error) {
      const message = (error as Error).message.split("\n")[0]!;
      if (message !== lastError) console.error(`[breakglass] kit recheck failed: ${message}`);
      lastError = message;
    }
    if (!isStopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, 5_000).unref();
  state.breakglassKitRecheck = {
    stop: () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      state.breakglassKitRecheck = undefined;
    },
  };
  return state.breakglassKitRecheck;
}
