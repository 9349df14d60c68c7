import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, type MigrationFile, matchesChecksum, readMigrations } from "./migrate-files";

// Applies prisma/migrations/* the way `prisma migrate deploy` does, without Prisma's schema-engine binary
// (downloaded at run time, which fails offline). The bookkeeping is Prisma's own _prisma_migrations table,
// so the official CLI on a connected machine sees these migrations as applied.

type Options = {
  log?: (line: string) => void;
  /** Defaults to prisma/migrations under the current directory. */
  migrationsDir?: string;
};

// Prisma's own migrate lock key: our runner and the official CLI never migrate the same database at once.
const ADVISORY_LOCK_KEY = 72707369;

// The DDL Prisma creates for its bookkeeping table on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type MigrationRow = { migration_name: string; checksum: string; finished_at: Date | null };

export async function migrate(databaseUrl: string, options: Options = {}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const files = readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Session-level lock: a second process waits here, then finds everything applied. Closing the
    // connection releases it, even when a migration fails.
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const pending = await pendingMigrations(client, files, log);
    const applied: string[] = [];
    for (const file of pending) {
      await applyOne(client, file);
      applied.push(file.name);
      log(`applied ${file.name}`);
    }
    return { applied };
  } finally {
    await client.end();
  }
}

/** The files not yet applied; throws, like Prisma, on an edited or failed migration. */
async function pendingMigrations(
  client: pg.Client,
  files: MigrationFile[],
  log: (line: string) => void,
): Promise<MigrationFile[]> {
  // Rolled-back rows are history only (Prisma re-applies those migrations).
  const { rows } = await client.query<MigrationRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const failed = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
  if (failed.length > 0) {
    throw new Error(
      `migration(s) ${failed.join(", ")} failed earlier and were not rolled back: fix the database, then ` +
        "mark them with `prisma migrate resolve` (or delete their _prisma_migrations rows)",
    );
  }
  const byName = new Map(rows.map((row) => [row.migration_name, row]));
  const edited = files.filter((file) => {
    const row = byName.get(file.name);
    return row !== undefined && !matchesChecksum(file.sql, row.checksum);
  });
  if (edited.length > 0) {
    throw new Error(
      `applied migration(s) ${edited.map((file) => file.name).join(", ")} were edited after being applied ` +
        "(checksum changed): restore the original migration.sql and put the change in a new migration",
    );
  }
  const known = new Set(files.map((file) => file.name));
  for (const row of rows) {
    if (!known.has(row.migration_name)) log(`warning: ${row.migration_name} is applied but not on disk`);
  }
  return files.filter((file) => !byName.has(file.name));
}

/**
 * One transaction per migration: the script and its row commit together, or neither does. Prisma leaves a
 * "failed" row behind instead; with a rollback the database is unchanged, so the migration can simply be
 * fixed and run again. (Statements that cannot run in a transaction, such as CREATE INDEX CONCURRENTLY,
 * are therefore not allowed in migrations.)
 */
async function applyOne(client: pg.Client, file: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    const id = randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 0)`,
      [id, file.checksum, file.name],
    );
    // No parameters: the simple query protocol runs a whole multi-statement script, $$ bodies included.
    await client.query(file.sql);
    // clock_timestamp(): now() is frozen at the start of the transaction.
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new Error(`migration ${file.name} failed and was rolled back: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
