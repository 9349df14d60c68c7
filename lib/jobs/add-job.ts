import type { DbTransaction } from "../db/client";
import { db } from "../db/client";
import { JOBS_SCHEMA } from "./jobs-schema";

export type AddJobOptions = {
  /** Queue inside this Prisma transaction: the job exists exactly when the change commits. */
  tx?: DbTransaction;
  runAt?: Date;
  /** At most one pending job per key: adding again replaces it (see jobKeyMode). */
  jobKey?: string;
  /** "replace" (default) updates the pending job, "preserve_run_at" keeps its time, "unsafe_dedupe" keeps it all. */
  jobKeyMode?: "replace" | "preserve_run_at" | "unsafe_dedupe";
  maxAttempts?: number;
  priority?: number;
  /** Jobs in one named queue run one at a time, in order. Keep the number of names small. */
  queueName?: string;
};

/**
 * Queues a job with graphile-worker's own SQL function, through Prisma's connection (or the caller's
 * transaction), so no second pool is needed to enqueue. add_job also NOTIFYs the workers (on commit).
 */
export async function addJob(task: string, payload: unknown, options: AddJobOptions = {}): Promise<string> {
  const client = options.tx ?? db();
  const rows = await client.$queryRawUnsafe<{ id: string }[]>(
    `SELECT (${JOBS_SCHEMA}.add_job(
       identifier => $1::text, payload => $2::json, queue_name => $3::text, run_at => $4::timestamptz,
       max_attempts => $5::int, job_key => $6::text, priority => $7::int, job_key_mode => $8::text
     )).id::text AS id`,
    task,
    JSON.stringify(payload ?? {}),
    options.queueName ?? null,
    options.runAt?.toISOString() ?? null,
    options.maxAttempts ?? null,
    options.jobKey ?? null,
    options.priority ?? null,
    options.jobKeyMode ?? "replace",
  );
  return rows[0]!.id;
}

/** Many jobs of one task in one statement (fan-out of a page to many routes). */
export async function addJobs(
  task: string,
  jobs: { payload: unknown; jobKey?: string; runAt?: Date }[],
  options: { tx?: DbTransaction; maxAttempts?: number } = {},
): Promise<number> {
  if (jobs.length === 0) return 0;
  const client = options.tx ?? db();
  const specs = jobs.map((job) => ({
    identifier: task,
    payload: job.payload ?? {},
    run_at: job.runAt?.toISOString() ?? null,
    max_attempts: options.maxAttempts ?? null,
    job_key: job.jobKey ?? null,
  }));
  await client.$executeRawUnsafe(
    `SELECT ${JOBS_SCHEMA}.add_jobs(ARRAY(SELECT json_populate_recordset(null::${JOBS_SCHEMA}.job_spec, $1::json)))`,
    JSON.stringify(specs),
  );
  return jobs.length;
}

/** Removes the pending job with this key (a running job is left to finish; it re-checks its subject). */
export async function removeJob(jobKey: string, tx?: DbTransaction): Promise<void> {
  await (tx ?? db()).$queryRawUnsafe(`SELECT ${JOBS_SCHEMA}.remove_job($1::text)`, jobKey);
}
