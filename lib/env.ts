// The environment, validated once: env() parses it on first use and keeps the result; instrumentation.ts
// calls parseEnv when a server starts (dev and demo through lib/devstack/check-env.ts), so a bad value stops
// start-up with one line naming the variable. env() serves sign-in and the origin check (NEXTAUTH_URL,
// NEXTAUTH_SECRET, BREAKGLASS_ADMINS), RPC_URL_<id>, the metrics token, chain watch and the WalletConnect
// project id (proxy.ts reads that one from process.env too: the CSP is built outside the Node runtime's env()). The other variables
// are checked here at start but read from process.env at each use: DATABASE_URL (lib/db, lib/live, the job
// runner, chain watch), BREAKGLASS_SECRETS_KEY (lib/crypto), BREAKGLASS_OUTBOUND_ALLOW (lib/net), the SMTP
// and PagerDuty settings (lib/paging's pagingConfig) and NEXTAUTH_URL again for links in notifications, pages
// and kit notices. BREAKGLASS_JOB_CONCURRENCY and BREAKGLASS_PAGING_TIMEOUT_MS are read that way and not
// checked here.
import { z } from "zod";
import { isHttpUrl } from "./net/http-url-schema";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgresql://user:password@host:port/database URL");

const httpUrl = z.string().trim().refine(isHttpUrl, "must be an http(s) URL");

const addressList = z
  .string()
  .trim()
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/, "each entry must be a 0x-prefixed 20-byte address")));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  /** The console's public URL: sign-in messages must name this domain. */
  NEXTAUTH_URL: httpUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BREAKGLASS_ADMINS: addressList.optional(),
  /** RPC_URL_<chainId>=url1,url2 overrides the chain's RPC URLs from the database (keeps keyed URLs out of the DB). */
  RPC_URLS: z.record(z.string(), z.array(httpUrl)).default({}),
  /** Key that encrypts alert-source and webhook secrets at rest (32+ chars). */
  BREAKGLASS_SECRETS_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /** When set, GET /metrics requires it as a bearer token. */
  BREAKGLASS_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /** Paging by e-mail: smtp://user:pass@host:port (smtps:// for TLS). Unset: e-mail routes report it. */
  BREAKGLASS_SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^/]+/.test(value), "must be an smtp:// or smtps:// URL")
    .optional(),
  BREAKGLASS_SMTP_FROM: z.string().min(3).optional(),
  /** PagerDuty Events API v2 endpoint (tests point it at a local sink) and the team's routing key. */
  BREAKGLASS_PAGERDUTY_EVENTS_URL: httpUrl.optional(),
  BREAKGLASS_PAGERDUTY_ROUTING_KEY: z.string().min(20, "must be an Events API v2 integration key").optional(),
  /**
   * Hosts (`host` or `host:port`, comma-separated) that notification channels and contact routes may reach
   * although they are loopback/private (lib/net/assert-public-url.ts reads it at each use).
   */
  BREAKGLASS_OUTBOUND_ALLOW: z
    .string()
    .refine((value) => {
      return value.split(",").every((entry) => {
        try {
          const url = new URL(`http://${entry.trim()}`);
          return url.pathname === "/" && !url.search && !url.username;
        } catch {
          return false;
        }
      });
    }, "must be comma-separated host or host:port entries")
    .optional(),
  /** Chain watch (lib/watch): "off" keeps this instance from ever running a watcher. */
  BREAKGLASS_WATCH: z.enum(["on", "off"]).default("on"),
  /** Blocks a log must be buried under before it is recorded (per chain: WATCH_CONFIRMATIONS_<chainId>). */
  BREAKGLASS_WATCH_CONFIRMATIONS: z.coerce.number().int().min(0).max(1000).default(2),
  WATCH_CONFIRMATIONS: z.record(z.string(), z.number().int().min(0).max(1000)).default({}),
  /** How often a watcher reads the head, in milliseconds. */
  BREAKGLASS_WATCH_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /** Most blocks one eth_getLogs call covers (providers cap ranges; a refused range is halved). */
  BREAKGLASS_WATCH_MAX_RANGE: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** A watcher this many seconds behind the chain (or unable to read it) shows as lagging. */
  BREAKGLASS_WATCH_LAG_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),
  /** WalletConnect Cloud project id: offers WalletConnect beside the browser wallet (lib/chain/wallet-connect.ts). */
  BREAKGLASS_WALLETCONNECT_PROJECT_ID: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{32}$/i, "must be a WalletConnect Cloud project id (32 hex characters)")
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = "EnvError";
  }
}

function collectRpcUrls(source: NodeJS.ProcessEnv): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^RPC_URL_(\d+)$/.exec(key);
    if (match?.[1] && value)
      result[match[1]] = value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean);
  }
  return result;
}

function collectConfirmations(source: NodeJS.ProcessEnv): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(source)) {
    const match = /^WATCH_CONFIRMATIONS_(\d+)$/.exec(key);
    if (match?.[1] && value) result[match[1]] = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  }
  return result;
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const input = {
    NODE_ENV: source.NODE_ENV,
    DATABASE_URL: source.DATABASE_URL || undefined,
    NEXTAUTH_URL: source.NEXTAUTH_URL || undefined,
    NEXTAUTH_SECRET: source.NEXTAUTH_SECRET || undefined,
    BREAKGLASS_ADMINS: source.BREAKGLASS_ADMINS || undefined,
    RPC_URLS: collectRpcUrls(source),
    BREAKGLASS_SECRETS_KEY: source.BREAKGLASS_SECRETS_KEY || undefined,
    BREAKGLASS_METRICS_TOKEN: source.BREAKGLASS_METRICS_TOKEN || undefined,
    BREAKGLASS_OUTBOUND_ALLOW: source.BREAKGLASS_OUTBOUND_ALLOW || undefined,
    BREAKGLASS_SMTP_URL: source.BREAKGLASS_SMTP_URL || undefined,
    BREAKGLASS_SMTP_FROM: source.BREAKGLASS_SMTP_FROM || undefined,
    BREAKGLASS_PAGERDUTY_EVENTS_URL: source.BREAKGLASS_PAGERDUTY_EVENTS_URL || undefined,
    BREAKGLASS_PAGERDUTY_ROUTING_KEY: source.BREAKGLASS_PAGERDUTY_ROUTING_KEY || undefined,
    BREAKGLASS_WATCH: source.BREAKGLASS_WATCH || undefined,
    BREAKGLASS_WATCH_CONFIRMATIONS: source.BREAKGLASS_WATCH_CONFIRMATIONS || undefined,
    WATCH_CONFIRMATIONS: collectConfirmations(source),
    BREAKGLASS_WATCH_POLL_MS: source.BREAKGLASS_WATCH_POLL_MS || undefined,
    BREAKGLASS_WATCH_MAX_RANGE: source.BREAKGLASS_WATCH_MAX_RANGE || undefined,
    BREAKGLASS_WATCH_LAG_SECONDS: source.BREAKGLASS_WATCH_LAG_SECONDS || undefined,
    BREAKGLASS_WALLETCONNECT_PROJECT_ID: source.BREAKGLASS_WALLETCONNECT_PROJECT_ID || undefined,
  };
  const parsed = EnvSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    let variable = String(issue.path[0] ?? "environment");
    if (variable === "RPC_URLS") variable = `RPC_URL_${String(issue.path[1])}`;
    if (variable === "WATCH_CONFIRMATIONS") variable = `WATCH_CONFIRMATIONS_${String(issue.path[1])}`;
    throw new EnvError(variable, issue.message);
  }
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
