import { type JobRunner, startJobRunner } from "../jobs";
import { wireTimelineSubscribers } from "../notifications";
import { APP_CRONS, APP_TASKS } from "./app-tasks";

const state = globalThis as unknown as { breakglassJobs?: Promise<JobRunner> };

/**
 * One job runner per server process (instrumentation.ts), running every app task. Several instances share
 * the queue. Kept on globalThis so a dev reload does not start a second runner.
 */
export function startBackgroundJobs(
  options: { connectionString?: string; concurrency?: number } = {},
): Promise<JobRunner> {
  if (state.breakglassJobs) return state.breakglassJobs;
  // Tasks append timeline events: whichever process runs them wires what every append also does.
  wireTimelineSubscribers();
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job runner has no database");
  const started = startJobRunner({
    connectionString,
    tasks: APP_TASKS,
    crons: APP_CRONS,
    concurrency: options.concurrency ?? Number(process.env.BREAKGLASS_JOB_CONCURRENCY ?? 5),
  });
  state.breakglassJobs = started;
  started.catch(() => {
    state.breakglassJobs = undefined;
  });
  return started;
}

export async function stopBackgroundJobs(): Promise<void> {
  const started = state.breakglassJobs;
  state.breakglassJobs = undefined;
  if (started) await (await started).stop();
}

/** Starts the runner, retrying every 10 s (one log line per distinct error) until it is up. */
export function keepBackgroundJobsRunning(retryMs = 10_000): void {
  let lastError = "";
  const attempt = () => {
    startBackgroundJobs().catch((error: Error) => {
      if (error.message !== lastError)
        console.error(`[breakglass] background jobs did not start (retrying): ${error.message}`);
      lastError = error.message;
      setTimeout(attempt, retryMs).unref();
    });
  };
  attempt();
}
