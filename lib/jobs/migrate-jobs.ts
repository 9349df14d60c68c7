import { runMigrations } from "graphile-worker";
import pg from "pg";
import { JOBS_SCHEMA } from "./jobs-schema";
import { quietLogger } from "./quiet-logger";

// Any constant: serialises graphile-worker's migration between processes that start together (two
// instances, a migrate script next to a starting server); graphile-worker does not lock on its own.
const MIGRATION_LOCK = 0x6267_6a62;

/**
 * Creates or upgrades graphile-worker's schema (`graphile_worker`, its own tables and functions). It lives
 * beside ours and outside prisma/migrations: schema.prisma describes `public` only.
 */
export async function migrateJobs(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await runMigrations({ connectionString, schema: JOBS_SCHEMA, logger: quietLogger });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
