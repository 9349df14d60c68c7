import pg from "pg";
import { JOBS_SCHEMA } from "./jobs-schema";

// Advisory-lock namespace for "this graphile worker is alive" (the second key is hashtext(workerId)).
const LIVENESS_NAMESPACE = 0x6267;

/**
 * graphile-worker (without its paid Pro plugin) frees the jobs of a crashed worker only after 4 hours. Each
 * worker here holds a session advisory lock named after its id on a connection of its process; when the
 * process dies, PostgreSQL drops the connection and the lock with it. Any instance can then see that a lock
 * holder is gone and unlock its jobs at once, so a page interrupted by a kill is retried within seconds.
 */
export class WorkerLiveness {
  private readonly client: pg.Client;
  private readonly held = new Set<string>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(connectionString: string) {
    this.client = new pg.Client({ connectionString });
    // A dropped liveness connection means our workers look dead to others: stop rather than run twice.
    this.client.on("error", (error) =>
      console.error(`[breakglass jobs] liveness connection lost: ${error.message}`),
    );
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  /** Called as the worker pool is created, before it can lock a job (graphile emits pool:create first). */
  hold(workerId: string): Promise<unknown> {
    this.held.add(workerId);
    this.chain = this.chain.then(() =>
      this.client.query("SELECT pg_advisory_lock($1, hashtext($2))", [LIVENESS_NAMESPACE, workerId]),
    );
    return this.chain;
  }

  async close(): Promise<void> {
    await this.chain.catch(() => {});
    await this.client.end().catch(() => {});
  }
}

/**
 * Unlocks the jobs of workers whose liveness lock nobody holds. Jobs locked less than `graceMs` ago are left
 * alone (their worker may still be taking its lock). Runs on a pool connection, never the liveness one (a
 * session can always re-take its own lock). Returns the ids of the workers found dead.
 */
export async function recoverCrashedWorkers(pool: pg.Pool, graceMs = 5000): Promise<string[]> {
  const client = await pool.connect();
  try {
    // _private_jobs is graphile-worker's table; reading it is the documented way to see locks (jobs view).
    const { rows } = await client.query<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM ${JOBS_SCHEMA}._private_jobs
       WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [graceMs],
    );
    const dead: string[] = [];
    for (const { locked_by: workerId } of rows) {
      const { rows: probe } = await client.query<{ free: boolean }>(
        "SELECT pg_try_advisory_lock($1, hashtext($2)) AS free",
        [LIVENESS_NAMESPACE, workerId],
      );
      if (!probe[0]?.free) continue;
      await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LIVENESS_NAMESPACE, workerId]);
      dead.push(workerId);
    }
    if (dead.length > 0) await client.query(`SELECT ${JOBS_SCHEMA}.force_unlock_workers($1::text[])`, [dead]);
    return dead;
  } finally {
    client.release();
  }
}
