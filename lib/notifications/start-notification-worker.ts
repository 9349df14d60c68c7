import { deliverDueNotifications } from "./deliver-due-notifications";

const state = globalThis as unknown as { breakglassNotifier?: { stop: () => void } };

/**
 * One delivery loop per server process (instrumentation.ts starts it). Every instance may run one: claims
 * use SKIP LOCKED. A failing pass is logged with its reason and retried on the next tick, never silently.
 */
export function startNotificationWorker(options: { intervalMs?: number } = {}): { stop: () => void } {
  if (state.breakglassNotifier) return state.breakglassNotifier;
  const intervalMs = options.intervalMs ?? 1000;
  let isStopped = false;
  let lastError = "";
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      // Drain: a burst of events is sent in a few passes, not one per second.
      for (let pass = 0; pass < 10 && !isStopped; pass++) {
        const report = await deliverDueNotifications({ limit: 20 });
        if (report.claimed < 20) break;
      }
      lastError = "";
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastError) console.error(`[breakglass] notification delivery failed: ${message}`);
      lastError = message;
    }
    if (!isStopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, intervalMs).unref();
  state.breakglassNotifier = {
    stop: () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
      state.breakglassNotifier = undefined;
    },
  };
  return state.breakglassNotifier;
}
