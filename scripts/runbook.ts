import { parseRunbook } from "../lib/runbooks";
import { readRunbookFile } from "../lib/runbooks/read-runbook-file";

/**
 * `npm run -s runbook -- <command> FILE`
 *   parse FILE   print the parsed runbook as one JSON document (schema: docs/runbook.schema.json)
 *   import FILE  store a runbook in the database (not implemented yet)
 * Exit codes: 0 ok, 2 bad usage or unreadable input (one line on stderr saying why).
 */

type Command = (args: string[]) => number;

const USAGE = "usage: runbook parse FILE | runbook import FILE";

function fail(message: string): number {
  process.stderr.write(`${message.replace(/\s*\n\s*/g, " ")}\n`);
  return 2;
}

const parse: Command = (args) => {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) return fail(USAGE);
  const read = readRunbookFile(file);
  if (!read.isOk) return fail(read.reason);
  process.stdout.write(`${JSON.stringify(parseRunbook(read.text), null, 2)}\n`);
  return 0;
};

// The import command (parse, then store in the database) belongs here; it is another engineer's task.
const importRunbook: Command = () => fail("runbook import: not implemented yet");

const COMMANDS: Record<string, Command> = { parse, import: importRunbook };

function main(argv: string[]): number {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) return fail(name === undefined ? USAGE : `unknown command "${name}"; ${USAGE}`);
  return command(args);
}

// exitCode rather than process.exit(): a large JSON document on a pipe must be flushed before we leave.
process.exitCode = main(process.argv.slice(2));
