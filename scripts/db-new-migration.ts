import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { isEmptySql, migrationDirName } from "../lib/db/migrate-files";
import { DEFAULT_SCHEMA_PATH, diffSchemas } from "../lib/db/schema-engine";
import { writeMigration } from "../lib/db/write-migration";

/**
 * `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the
 * SQL that takes the existing migrations to prisma/schema.prisma, like `prisma migrate dev --create-only`
 * but offline. The existing migrations are replayed on a throwaway PostgreSQL (our "shadow database"), so
 * hand-written SQL in them (triggers, functions) is applied for real before the engine compares.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error("usage: npm run db:new-migration -- <name>");
  const dirName = migrationDirName(name);

  const shadow = await startEmbeddedPostgres({ isPersistent: false });
  let sql: string;
  try {
    await migrate(shadow.url);
    sql = await diffSchemas({
      from: "database",
      to: { schemaPath: DEFAULT_SCHEMA_PATH },
      databaseUrl: shadow.url,
    });
  } finally {
    await shadow.stop();
  }

  if (isEmptySql(sql)) {
    console.log("no changes: the migrations already produce prisma/schema.prisma");
    return;
  }
  console.log(`wrote ${writeMigration(dirName, sql)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
