/** Runs the cleanups (last started, first stopped) once on Ctrl-C, SIGTERM or a fatal error, then exits. */
export function onShutdown(cleanups: (() => Promise<void>)[]): (code?: number) => Promise<never> {
  let isStopping = false;
  const shutdown = async (code = 0): Promise<never> => {
    // A second call (a child that exits because the first one stopped it) must not exit before the
    // remaining cleanups ran: the first call exits when they are done.
    if (isStopping) return new Promise<never>(() => {});
    isStopping = true;
    for (const cleanup of [...cleanups].reverse()) {
      await cleanup().catch((error: unknown) =>
        console.error(`[breakglass] while stopping: ${String(error)}`),
      );
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  return shutdown;
}
