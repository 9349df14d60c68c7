import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";
import { checksumOf, DEFAULT_MIGRATIONS_DIR, isEmptySql, readMigrations } from "../../lib/db/migrate-files";
import { DEFAULT_SCHEMA_PATH, diagnoseMigrationHistory, diffSchemas } from "../../lib/db/schema-engine";

// The proof CI relies on: replaying prisma/migrations gives exactly the database schema.prisma describes,
// and the hand-written parts (triggers) really hold. Runs on its own throwaway PostgreSQL.

let server: EmbeddedDatabase;
let tmp: string;
const migrationNames = readMigrations().map((migration) => migration.name);

/** A fresh, empty database on the test server. */
async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function diffToSchema(databaseUrl: string, schemaPath = DEFAULT_SCHEMA_PATH): Promise<string> {
  return diffSchemas({ from: "database", to: { schemaPath }, databaseUrl });
}

beforeAll(async () => {
  server = await startEmbeddedPostgres({ isPersistent: false });
  tmp = mkdtempSync(path.join(tmpdir(), "breakglass-migrations-test-"));
});

afterAll(async () => {
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("migrations", () => {
  it("apply in order and are recorded as Prisma records them", async () => {
    expect(migrationNames.length).toBeGreaterThanOrEqual(2);
    const { applied } = await migrate(server.url);
    expect(applied).toEqual(migrationNames);

    const { rows } = await withClient(server.url, (client) =>
      client.query(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`),
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const sql = readFileSync(
        path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, "migration.sql"),
        "utf8",
      );
      expect(row.checksum).toBe(checksumOf(sql));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("are seen as applied and unedited by Prisma's own engine (as `prisma migrate status` would)", async () => {
    const history = await diagnoseMigrationHistory(server.url, DEFAULT_MIGRATIONS_DIR);
    expect(history).toEqual({
      editedMigrationNames: [],
      failedMigrationNames: [],
      hasMigrationsTable: true,
      history: null,
    });
  });

  it("produce exactly schema.prisma (the engine's diff is empty)", async () => {
    const sql = await diffToSchema(server.url);
    expect(isEmptySql(sql), `prisma/migrations drift from schema.prisma; missing SQL:\n${sql}`).toBe(true);
  });

  it("the drift check catches a model added to schema.prisma without a migration", async () => {
    const schemaPath = path.join(tmp, "schema.prisma");
    writeFileSync(
      schemaPath,
      `${readFileSync(DEFAULT_SCHEMA_PATH, "utf8")}\nmodel DriftProbe {\n  id String @id\n}\n`,
    );
    const sql = await diffToSchema(server.url, schemaPath);
    expect(isEmptySql(sql)).toBe(false);
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });

  it("a second run applies nothing", async () => {
    expect(await migrate(server.url)).toEqual({ applied: [] });
  });

  it("two processes migrating at once apply each migration once", async () => {
    const url = await createDatabase("concurrent");
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    expect([...first.applied, ...second.applied]).toEqual(migrationNames);
    const { rows } = await withClient(url, (client) =>
      client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`),
    );
    expect(rows[0].n).toBe(migrationNames.length);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = path.join(tmp, "edited-migrations");
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    appendFileSync(path.join(dir, migrationNames[0]!, "migration.sql"), "\n-- an edit after the fact\n");
    await expect(migrate(server.url, { migrationsDir: dir })).rejects.toThrow(/edited after being applied/);
    // Prisma's engine agrees on which one was edited: both tools compute the same checksum.
    const history = await diagnoseMigrationHistory(server.url, dir);
    expect(history.editedMigrationNames).toEqual([migrationNames[0]]);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const dir = path.join(tmp, "failing-migrations");
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    const failing = "29991231000000_failing";
    mkdirSync(path.join(dir, failing));
    writeFileSync(
      path.join(dir, failing, "migration.sql"),
      `CREATE TABLE "HalfDone" ("id" TEXT);\nSELECT 1/0;\n`,
    );
    await expect(migrate(server.url, { migrationsDir: dir })).rejects.toThrow(
      /29991231000000_failing.*rolled back/,
    );
    const { rows } = await withClient(server.url, (client) =>
      client.query(
        `SELECT (SELECT count(*)::int FROM "_prisma_migrations" WHERE migration_name = $1) AS recorded,
                to_regclass('"HalfDone"') IS NOT NULL AS "hasTable"`,
        [failing],
      ),
    );
    expect(rows[0]).toEqual({ recorded: 0, hasTable: false });
  });
});

describe("timeline events", () => {
  let incidentId: string;
  let eventId: number;

  beforeAll(async () => {
    incidentId = `inc_${Date.now()}`;
    await withClient(server.url, async (client) => {
      await client.query(
        `INSERT INTO "Incident" (id, title, "severityName", "severityRank", "severityColor",
           "responseTargetSeconds", "updateCadenceSeconds", "updatedAt")
         VALUES ($1, 'Oracle returns stale prices', 'P1', 0, '#dc2626', 900, 1800, now())`,
        [incidentId],
      );
      const { rows } = await client.query(
        `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
         VALUES ($1, 'declared', '{}', 'system', 'test') RETURNING id`,
        [incidentId],
      );
      eventId = rows[0].id;
    });
  });

  it("cannot be updated, by PostgreSQL itself", async () => {
    await withClient(server.url, async (client) => {
      await expect(
        client.query(`UPDATE "TimelineEvent" SET kind = 'tampered' WHERE id = $1`, [eventId]),
      ).rejects.toThrow(/timeline events are append-only/);
    });
  });

  it("cannot be deleted, by PostgreSQL itself", async () => {
    await withClient(server.url, async (client) => {
      await expect(client.query(`DELETE FROM "TimelineEvent" WHERE id = $1`, [eventId])).rejects.toThrow(
        /timeline events are append-only/,
      );
      const { rows } = await client.query(`SELECT kind FROM "TimelineEvent" WHERE id = $1`, [eventId]);
      expect(rows).toEqual([{ kind: "declared" }]);
    });
  });

  it("cannot be truncated, by PostgreSQL itself", async () => {
    await withClient(server.url, async (client) => {
      await expect(client.query(`TRUNCATE "TimelineEvent"`)).rejects.toThrow(
        /timeline events are append-only/,
      );
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "TimelineEvent" WHERE id = $1`, [
        eventId,
      ]);
      expect(rows).toEqual([{ n: 1 }]);
    });
  });

  it("notify listeners on insert, once committed", async () => {
    await withClient(server.url, async (listener) => {
      await listener.query("LISTEN timeline_events");
      const notified = new Promise<string>((resolve) =>
        listener.once("notification", (n) => resolve(n.payload ?? "")),
      );
      const id = await withClient(server.url, async (client) => {
        const { rows } = await client.query(
          `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
           VALUES ($1, 'note', '{}', 'system', 'test') RETURNING id`,
          [incidentId],
        );
        return rows[0].id as number;
      });
      expect(JSON.parse(await notified)).toEqual({ id, incidentId });
    });
  });
});
