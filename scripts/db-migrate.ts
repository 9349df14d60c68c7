import "dotenv/config";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { migrateJobs } from "../lib/jobs";

/**
 * `npm run db:migrate`: applies prisma/migrations (and graphile-worker's own schema) as DATABASE_MIGRATION_URL
 * (the schema owner) or DATABASE_URL, or, when both are unset, to the persistent embedded PostgreSQL that
 * `npm run dev` uses. Works offline (no Prisma schema-engine binary needed).
 */
async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  const url = process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL;
  if (url) {
    const { applied } = await migrate(url, { log });
    await migrateJobs(url);
    if (applied.length === 0) console.log("database is up to date");
    return;
  }
  console.log("DATABASE_URL is not set: migrating the local embedded PostgreSQL");
  const database = await startEmbeddedPostgres({ isPersistent: true }).catch((error: unknown) => {
    // Typically the data directory is in use: `npm run dev`/`demo` already run this server, and they
    // apply migrations when they start.
    throw new Error(
      "could not start the local embedded PostgreSQL (is `npm run dev` or `npm run demo` running? " +
        `they migrate at start; or set DATABASE_URL): ${errorText(error)}`,
    );
  });
  try {
    const { applied } = await migrate(database.url, { log });
    await migrateJobs(database.url);
    if (applied.length === 0) console.log("database is up to date");
  } finally {
    await database.stop();
  }
}

// embedded-postgres can reject with a non-Error (even undefined): never print a bare "undefined".
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "unknown error");
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
