import { EventEmitter } from "node:events";
import { parseCronItems, type Runner, run, type TaskList, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import type { CronDefinition } from "./define-cron";
import type { TaskDefinition } from "./define-task";
import { JOBS_SCHEMA } from "./jobs-schema";
import { migrateJobs } from "./migrate-jobs";
import { quietLogger } from "./quiet-logger";
import { recoverCrashedWorkers, WorkerLiveness } from "./worker-liveness";

export type JobRunner = {
  /** Finishes running jobs (up to graphile's abort timeout), then releases connections. */
  stop: () => Promise<void>;
  /** Ids this runner locks jobs under (what `locked_by` says in the jobs table: its pool's id). */
  workerIds: () => string[];
};

export type JobRunnerOptions = {
  connectionString: string;
  tasks: TaskDefinition<never>[];
  crons?: CronDefinition[];
  /** Jobs run at once in this process (default 5). */
  concurrency?: number;
  /** Fallback poll for jobs due later (new jobs arrive by LISTEN/NOTIFY at once). Default 1000 ms. */
  pollIntervalMs?: number;
  /** How often this instance looks for jobs held by dead workers (default 5000 ms). */
  recoveryIntervalMs?: number;
  /** Jobs locked more recently than this are never treated as orphaned (default 5000 ms). */
  recoveryGraceMs?: number;
};

/**
 * Starts graphile-worker in this process: migrates its schema, runs the given tasks and crons, and frees the
 * jobs of crashed instances (worker-liveness.ts). Every console instance may run one: jobs are locked with
 * SKIP LOCKED, so each runs once. Signals are left to the host (Next, a test, a script).
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  await migrateJobs(options.connectionString);
  const tasks = options.tasks;
  const taskList: TaskList = {};
  for (const task of tasks) {
    if (taskList[task.name]) throw new Error(`task "${task.name}" is registered twice`);
    taskList[task.name] = async (payload, helpers) => {
      const attempt = helpers.job.attempts;
      await task.run(payload, {
        attempt,
        maxAttempts: helpers.job.max_attempts,
        isLastAttempt: attempt >= helpers.job.max_attempts,
        jobId: helpers.job.id,
        abortSignal: helpers.abortSignal,
      });
    };
  }
  const crons = parseCronItems(
    (options.crons ?? []).map((cron) => ({
      task: cron.task.name,
      match: cron.schedule,
      identifier: cron.identifier,
      payload: cron.payload ?? {},
      options: { backfillPeriod: cron.backfillMs ?? 0, maxAttempts: cron.task.maxAttempts },
    })),
  );

  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: (options.concurrency ?? 5) + 3,
  });
  // graphile-worker checks for both handlers: an idle client's error must not crash the process.
  pool.on("error", (error) => console.error(`[breakglass jobs] database: ${error.message}`));
  pool.on("connect", (client) => {
    client.on("error", (error) => console.error(`[breakglass jobs] database: ${error.message}`));
  });
  const liveness = new WorkerLiveness(options.connectionString);
  await liveness.connect();
  const workerIds: string[] = [];
  // Subscribed before `run`: the pool creates its workers before `run` resolves.
  const events = new EventEmitter() as WorkerEvents;
  // graphile-worker 0.18 locks jobs in the pool's name (`locked_by` = the pool id, not each worker's), and
  // announces the pool before it fetches any job: that id is the one to keep alive.
  events.on("pool:create", ({ workerPool }) => {
    workerIds.push(workerPool.id);
    void liveness.hold(workerPool.id);
  });
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      schema: JOBS_SCHEMA,
      taskList,
      parsedCronItems: crons,
      concurrency: options.concurrency ?? 5,
      pollInterval: options.pollIntervalMs ?? 1000,
      noHandleSignals: true,
      logger: quietLogger,
      events,
      // The pool locks a batch of ready jobs in one query and hands them to its workers, instead of one
      // "get job" round trip per job: a page to a thousand signers is a thousand deliveries at once. Jobs in
      // the local queue are locked in this pool's name, so worker-liveness frees them if this instance dies.
      preset: { worker: { localQueue: { size: (options.concurrency ?? 5) + 1 } } },
    });
  } catch (error) {
    await liveness.close();
    await pool.end();
    throw error;
  }

  let isStopped = false;
  let recoveryTimer: NodeJS.Timeout | undefined;
  const recover = async () => {
    try {
      const dead = await recoverCrashedWorkers(pool, options.recoveryGraceMs);
      if (dead.length > 0)
        console.warn(`[breakglass jobs] freed the jobs of ${dead.length} stopped worker(s)`);
    } catch (error) {
      if (!isStopped) console.error(`[breakglass jobs] recovery failed: ${(error as Error).message}`);
    }
    if (!isStopped) recoveryTimer = setTimeout(recover, options.recoveryIntervalMs ?? 5000).unref();
  };
  void recover();

  return {
    workerIds: () => [...workerIds],
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      if (recoveryTimer) clearTimeout(recoveryTimer);
      await runner.stop();
      await liveness.close();
      await pool.end();
    },
  };
}
