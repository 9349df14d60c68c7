import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The standard Prisma layout: prisma/migrations/<timestamp>_<name>/migration.sql */
export const DEFAULT_MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export type MigrationFile = { name: string; sql: string; checksum: string };

/** What Prisma stores in _prisma_migrations.checksum: sha256 of the file, lowercase hex. */
export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

/**
 * Prisma accepts a checksum taken with either line ending (a Windows checkout must not look "edited");
 * do the same so both tools agree on which migrations were changed.
 */
export function matchesChecksum(sql: string, checksum: string): boolean {
  const lf = sql.replace(/\r\n/g, "\n");
  return [sql, lf, lf.replace(/\n/g, "\r\n")].some((variant) => checksumOf(variant) === checksum);
}

/** Every migration directory with a migration.sql, in the order Prisma applies them (by name). */
export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  // The folder is read at run time (the health check, migrate on start), never bundled: the ignore comments
  // keep Turbopack from tracing the whole project for these calls.
  if (!existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/** True when a script has no statement, only comments and blank lines (the engine's "empty migration"). */
export function isEmptySql(sql: string): boolean {
  return (
    sql
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/--.*$/gm, "")
      .trim() === ""
  );
}

/** Prisma's directory name: UTC yyyyMMddHHmmss, then the name in snake case. */
export function migrationDirName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error(`migration name "${name}" has no letters or digits`);
  return `${stamp}_${slug}`;
}
