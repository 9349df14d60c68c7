// Runs once when a server instance starts: a bad configuration stops it with one line naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, parseEnv } = await import("./lib/env");
  try {
    const env = parseEnv();
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET)
      throw new EnvError("NEXTAUTH_SECRET", "is required in production");
    if (env.NODE_ENV === "production" && !env.DATABASE_URL)
      throw new EnvError("DATABASE_URL", "is required in production");
    // Not fatal (yet): e2e starts `next start` without it. Encrypted secrets (HMAC alert sources, webhook
    // URLs) are refused at use in production without the key, so nothing is stored under a public key.
    if (env.NODE_ENV === "production" && !env.BREAKGLASS_SECRETS_KEY)
      console.warn(
        "BREAKGLASS_SECRETS_KEY is not set: HMAC alert sources and notification channels are disabled",
      );
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // Every appended timeline event queues its notifications in its own transaction (lib/timeline refuses to
  // append before this).
  const { wireTimelineSubscribers } = await import("./lib/notifications");
  wireTimelineSubscribers();
  // route({ role }) identifies callers through lib/auth, which sits above the kernel that defines route().
  const { wireRouteAuthentication } = await import("./lib/http/handle-route");
  const { authenticateRoute } = await import("./lib/auth");
  wireRouteAuthentication(authenticateRoute);
  // Background jobs (notification deliveries, pages, reminders, crons) run in every instance, outside users'
  // requests, never while building. If the database is down at start, the runner keeps trying (the console
  // serves its degraded banner meanwhile); queued jobs wait in PostgreSQL.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    const { keepBackgroundJobsRunning, registerTimelineHooks } = await import("./lib/tasks");
    // Before the first request: a declaration or a proposal queues its page in its own transaction.
    registerTimelineHooks();
    keepBackgroundJobsRunning();
    // Chain watch: every instance competes for each chain's advisory lock; one watches, the others stand by.
    const { env } = await import("./lib/env");
    const state = globalThis as unknown as { breakglassChainWatch?: unknown };
    if (env().BREAKGLASS_WATCH === "on" && env().DATABASE_URL && !state.breakglassChainWatch) {
      const { onSafeConfigChanged, startChainWatch } = await import("./lib/watch");
      const { recheckKits } = await import("./lib/kits");
      // Owners, threshold, guard, modules or fallback handler changed on chain: the Safe's pre-signed kits
      // are re-derived now rather than at the next minute's recheck (lib/watch does not import lib/kits).
      onSafeConfigChanged(async (change) => {
        await recheckKits({ safeId: change.safeId });
      });
      state.breakglassChainWatch = startChainWatch();
    }
  }
}
