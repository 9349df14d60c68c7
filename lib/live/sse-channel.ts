import { metrics } from "../metrics/registry";

export const HEARTBEAT_MS = 15_000;
/** How often an open stream re-checks that its caller may still read it. */
export const RECHECK_MS = 2_000;

/** Whether the stream's caller may still read it (re-checked every `recheckMs` while open). */
export type StreamAccess = { isAllowed: () => Promise<boolean>; recheckMs?: number };
const encoder = new TextEncoder();

export type SseChannel = {
  /** Writes raw SSE text; after close, or when the client is gone, it does nothing. */
  write: (text: string) => void;
  /** Closes once: stops the heartbeat, runs the registered teardowns, counts the client out. */
  close: () => void;
  /** Runs `teardown` on close (at once if already closed, so nothing registered late can leak). */
  onClose: (teardown: () => void) => void;
};

/**
 * What every SSE stream of the console shares: writes that stop when the client goes away, a heartbeat that
 * keeps proxies from timing the stream out, the open-streams gauge, and one close whoever asks for it
 * (the client's abort, a failed write, the stream's own error path).
 */
export function openSseChannel(
  controller: ReadableStreamDefaultController<Uint8Array>,
  options: { signal?: AbortSignal; heartbeatMs?: number; access?: StreamAccess },
): SseChannel {
  metrics().sseClients.inc();
  let isClosed = false;
  const teardowns: (() => void)[] = [];
  const close = () => {
    if (isClosed) return;
    isClosed = true;
    metrics().sseClients.dec();
    clearInterval(heartbeat);
    for (const teardown of teardowns) teardown();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  const write = (text: string) => {
    if (isClosed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
  // A member removed or demoted below the stream's role while it is open stops receiving at the next check.
  const access = options.access;
  const recheck = access
    ? setInterval(() => {
        access.isAllowed().then(
          (isAllowed) => {
            if (!isAllowed) close();
          },
          () => close(),
        );
      }, access.recheckMs ?? RECHECK_MS)
    : undefined;
  teardowns.push(() => clearInterval(recheck));
  options.signal?.addEventListener("abort", close);
  // Reconnect quickly after a drop; the comment flushes the headers at once.
  write("retry: 1000\n: connected\n\n");
  return {
    write,
    close,
    onClose: (teardown) => (isClosed ? teardown() : void teardowns.push(teardown)),
  };
}
