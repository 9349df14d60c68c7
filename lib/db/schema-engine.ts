import { AsyncLocalStorage } from "node:async_hooks";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
// A dependency of @prisma/adapter-pg (same version, always installed with it), not declared on its own.
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { readMigrations } from "./migrate-files";

// Prisma's schema engine as WebAssembly, driven through @prisma/adapter-pg, used only to READ: diff a
// database against schema.prisma, and check the migration history as the CLI would. (The CLI's native
// engine is downloaded at run time, which fails offline.) lib/db/migrate.ts applies migrations itself.

const require = createRequire(import.meta.url);

/** One side of a diff: nothing, the live database at `databaseUrl`, or a Prisma schema file. */
export type DiffSource = "empty" | "database" | { schemaPath: string };

type SqlAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

let isLoaded = false;
let lastPanic: string | undefined;

/**
 * Prefer the wasm bundled with the installed prisma CLI (the exact engine the CLI would use on a connected
 * machine; it is not published on npm as its own version). Its imports match the npm package's JS glue;
 * if a future CLI's wasm does not link with it, fall back to the npm package's own wasm rather than fail.
 */
async function loadWasm(): Promise<void> {
  if (isLoaded) return;
  // The wasm reports a Rust panic's message here, then traps with a bare "unreachable" that can surface
  // as an uncaught exception outside any await: print the message so the cause is never lost.
  const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message: (m: string) => void } };
  registry.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      lastPanic = message;
      console.error(`prisma schema engine panicked: ${message}`);
    },
  };
  // Both packages' "exports" hide the .wasm files: resolve each entry point and look beside it.
  const candidates = [
    path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm"),
    path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm"),
  ];
  const errors: string[] = [];
  for (const candidate of candidates) {
    try {
      const bytes = readFileSync(candidate);
      const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
      glue.__wbg_set_wasm(instance.exports);
      (instance.exports.__wbindgen_start as () => void)();
      isLoaded = true;
      return;
    } catch (error) {
      errors.push(`${candidate}: ${String(error)}`);
    }
  }
  throw new Error(`could not load Prisma's schema engine wasm:\n${errors.join("\n")}`);
}

/**
 * adapter-pg throws on Postgres's internal "char" type (OID 18), which the engine reads from pg_catalog
 * (relkind, contype...) and expects as a Character column. The pool relabels those columns as text so
 * adapter-pg parses them, and notes their positions for queryRaw below (per call, through async context).
 * Only pool.query is wrapped: the engine reads the catalog outside transactions. Should that change,
 * adapter-pg's own UnsupportedNativeDataType error shows it.
 */
const charColumns = new AsyncLocalStorage<number[]>();

function catalogFriendlyPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  const relabel = <T>(result: T): T => {
    const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
    fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      charColumns.getStore()?.push(index);
    });
    return result;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const out = query(...args);
    return out instanceof Promise ? out.then(relabel) : out;
  }) as typeof pool.query;
  return pool;
}

async function connectCatalogFriendly(factory: PrismaPg): Promise<SqlAdapter> {
  const adapter = await factory.connect();
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const found: number[] = [];
    const result = await charColumns.run(found, () => queryRaw(query));
    for (const index of found) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return adapter;
}

/**
 * The engine reads the live database through this adapter. It never gets a shadow database: adapter-pg's
 * shadow handling points back at the main database, and we never diff from a migrations directory (callers
 * replay migrations on a throwaway database with lib/db/migrate.ts, then diff from that database).
 */
function adapterFactory(pool: pg.Pool) {
  // The pool is ours: adapter-pg leaves an external pool open, and withEngine ends it.
  const factory = new PrismaPg(pool);
  // The engine expects Result-wrapped methods ({ ok, value }), as the CLI and the client bind them.
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => connectCatalogFriendly(factory),
    connectToShadowDb: (): Promise<SqlAdapter> =>
      Promise.reject(new Error("no shadow database: apply migrations to a throwaway database instead")),
  });
}

export const DEFAULT_SCHEMA_PATH = "prisma/schema.prisma";

function schemaFiles(schemaPath: string) {
  return [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
}

function toTarget(source: DiffSource) {
  if (source === "empty") return { tag: "empty" as const };
  // Prisma 7 engines refuse `url` targets: a live database is the schema's datasource, i.e. the adapter.
  // The schema file only supplies the datasource block (provider) here.
  if (source === "database") {
    return {
      tag: "schemaDatasource" as const,
      files: schemaFiles(DEFAULT_SCHEMA_PATH),
      configDir: process.cwd(),
    };
  }
  return { tag: "schemaDatamodel" as const, files: schemaFiles(source.schemaPath) };
}

/** Runs `use` with an engine connected (through the adapter) to the database at `databaseUrl`. */
async function withEngine<T>(
  databaseUrl: string,
  use: (engine: glue.SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const pool = catalogFriendlyPool(databaseUrl);
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, adapterFactory(pool));
  try {
    return await use(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await pool.end();
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

type DiffOptions = { from: DiffSource; to: DiffSource; databaseUrl: string };

/**
 * The SQL that turns `from` into `to`, as the engine would write it in a migration (only comments when
 * they match: see isEmptySql). The engine needs a live PostgreSQL even for `empty` → schema.
 */
export async function diffSchemas(options: DiffOptions): Promise<string> {
  return withEngine(options.databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: toTarget(options.from),
      to: toTarget(options.to),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}

/**
 * What `prisma migrate status` / `migrate deploy` would conclude about the database's migration history
 * (the engine reads _prisma_migrations itself): proves our bookkeeping is the one Prisma expects.
 */
export async function diagnoseMigrationHistory(databaseUrl: string, migrationsDir: string) {
  const migrationsList = {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: readOptional(path.join(migrationsDir, "migration_lock.toml")),
    },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(migrationsDir).map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: migration.sql } },
    })),
  };
  return withEngine(databaseUrl, (engine) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTERS }),
  );
}

function readOptional(file: string): string | null {
  return existsSync(file) ? readFileSync(file, "utf8") : null;
}
