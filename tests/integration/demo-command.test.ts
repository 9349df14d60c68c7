import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createPublicClient, getAddress, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { createSiweMessage } from "viem/siwe";
import { afterAll, describe, expect, it } from "vitest";
import { anvilAccount } from "../../lib/chain/demo";
import { freePort, isPortFree } from "../../lib/net/free-port";
import type { ParsedRunbook } from "../../lib/runbooks";
import { EXAMPLE_RUNBOOK_SLUG } from "../support/runbook-fixtures";

/**
 * `npm run demo` as a newcomer runs it: from a fresh clone of the committed HEAD in a temporary folder with
 * no ../shared beside it, its own ports and data folder. The clone gets this checkout's node_modules as
 * hard links (about 2 s; `npm ci --offline` from the local cache took far longer) plus the Prisma client
 * generation that npm ci's postinstall runs. The first start builds the console; the second reuses it.
 * Timings are printed, never asserted.
 */

const repoRoot = path.resolve(import.meta.dirname, "../..");
const PAGES = [
  "/dashboard",
  "/incidents",
  "/alerts",
  "/runbooks",
  "/proposals",
  "/postmortems",
  "/settings",
  "/login",
];

function sh(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout.trim();
}

type RunningDemo = { process: ChildProcess; output: () => string; readySeconds: number };

async function startDemo(cwd: string, env: NodeJS.ProcessEnv): Promise<RunningDemo> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready at")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
  });
  return { process: child, output: () => output, readySeconds: (Date.now() - startedAt) / 1000 };
}

async function stopDemo(demo: RunningDemo): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => demo.process.once("exit", resolve));
  demo.process.kill("SIGINT");
  return exited;
}

/** A session cookie for a demo member, signed in the way a wallet does it (SIWE through next-auth). */
async function signIn(baseUrl: string, privateKey: Hex): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const nonceResponse = await fetch(`${baseUrl}/api/siwe/nonce`);
  keep(nonceResponse);
  const { nonce } = (await nonceResponse.json()) as { nonce: string };
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: header() } });
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const account = privateKeyToAccount(privateKey);
  const url = new URL(baseUrl);
  const message = createSiweMessage({
    domain: url.host,
    address: account.address,
    statement: "Sign in to Breakglass.",
    uri: url.origin,
    version: "1",
    chainId: 31337,
    nonce,
    issuedAt: new Date(),
    expirationTime: new Date(Date.now() + 10 * 60_000),
  });
  const signed = await fetch(`${baseUrl}/api/auth/callback/siwe`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: url.origin },
    body: new URLSearchParams({
      message,
      signature: await account.signMessage({ message }),
      csrfToken,
      json: "true",
    }),
  });
  keep(signed);
  if (![...cookies.keys()].some((name) => name.includes("session-token")))
    throw new Error(`sign-in failed: ${signed.status} ${await signed.text()}`);
  return header();
}

describe("npm run demo from a fresh clone", () => {
  const scratch = mkdtempSync(path.join(tmpdir(), "breakglass-clone-"));
  // As root, PostgreSQL runs as the postgres user: it must be able to enter the clone (its binaries) and data.
  chmodSync(scratch, 0o755);
  const clone = path.join(scratch, "breakglass");
  const dataDir = path.join(scratch, "data");
  const demos: RunningDemo[] = [];

  afterAll(() => {
    for (const demo of demos) if (demo.process.exitCode === null) demo.process.kill("SIGKILL");
    rmSync(scratch, { recursive: true, force: true });
  });

  it("imports and binds the example runbooks, serves every page, and restarts on the same build", async () => {
    const head = sh("git", ["rev-parse", "HEAD"], repoRoot);
    sh("git", ["clone", "--quiet", repoRoot, clone], scratch);
    sh("git", ["checkout", "--quiet", "--detach", head], clone);
    expect(existsSync(path.join(scratch, "shared"))).toBe(false);
    expect(existsSync(path.join(clone, ".next"))).toBe(false);
    const prepareStarted = Date.now();
    // Hard links need one filesystem; elsewhere the clone installs from npm's local cache like a newcomer.
    const linked = spawnSync("cp", [
      "-al",
      path.join(repoRoot, "node_modules"),
      path.join(clone, "node_modules"),
    ]);
    if (linked.status === 0) sh("npm", ["run", "-s", "db:generate"], clone);
    else {
      rmSync(path.join(clone, "node_modules"), { recursive: true, force: true });
      sh("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], clone);
    }
    const prepareSeconds = (Date.now() - prepareStarted) / 1000;
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);

    const port = await freePort();
    const anvilPort = await freePort();
    // The demo's own environment: nothing of this test run's (build folder, secrets, URLs) leaks into it.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      ANVIL_PORT: String(anvilPort),
      BREAKGLASS_DATA_DIR: dataDir,
      NODE_ENV: "development",
    };
    for (const key of ["NEXT_DIST_DIR", "NEXTAUTH_SECRET", "NEXTAUTH_URL", "BREAKGLASS_SECRETS_KEY"])
      delete env[key];

    const first = await startDemo(clone, env);
    demos.push(first);
    const output = first.output();
    expect(output).toContain(`ready at http://localhost:${port}`);
    expect(output).toContain(`RPC http://127.0.0.1:${anvilPort}, chain id 31337`);
    expect(output).toContain(
      "runbooks from examples/runbooks: Incident Runbooks — Breakglass Demo Protocol (imported)",
    );
    expect(output).not.toContain("production build is current");
    expect(output).toMatch(
      /Alice Ng\s+admin\s+0x70997970C51812dc3A010C7d01b50e0d17dc79C8\s+0x59c6995e\S+\s+owns Guardian Safe/,
    );
    expect(output).toMatch(/Dave Kim\s+responder\s+0x\w+\s+0x\w+\s+owns Admin Safe/);
    // Who may do what, as read from the chain.
    expect(output).toMatch(
      /Guardian Safe 0x[0-9a-fA-F]{40} \(2 of 3\): owners Alice Ng, Bob Okafor, Carol Diaz/,
    );
    expect(output).toMatch(
      /may pause \(EMERGENCY_ROLE on BLEBridgeV9, GUARDIAN_ROLE on GlobalPauseRegistry\); reset the oracle \(KEEPER_ROLE on PriceOracle\)/,
    );
    expect(output).toMatch(
      /Admin Safe 0x[0-9a-fA-F]{40} \(2 of 3\): owners Bob Okafor, Carol Diaz, Dave Kim/,
    );
    expect(output).toMatch(
      /may unpause, admin \(DEFAULT_ADMIN_ROLE on BLEBridgeV9, DEFAULT_ADMIN_ROLE on GlobalPauseRegistry/,
    );

    // The example runbook is stored, and every contract it targets is bound to a deployed demo contract.
    const dbPort = /embedded PostgreSQL on port (\d+)/.exec(output)?.[1];
    expect(dbPort).toBeDefined();
    const client = new pg.Client(`postgresql://breakglass:breakglass-local@127.0.0.1:${dbPort}/breakglass`);
    await client.connect();
    const { rows: versions } = await client.query(
      `SELECT v.parsed FROM "RunbookVersion" v JOIN "RunbookDocument" d ON d.id = v."documentId"
       WHERE d.slug = $1 ORDER BY v.version DESC LIMIT 1`,
      [EXAMPLE_RUNBOOK_SLUG],
    );
    expect(versions).toHaveLength(1);
    const targets = [
      ...new Set((versions[0]!.parsed as ParsedRunbook).actions.map((action) => action.target)),
    ];
    expect(targets.sort()).toEqual([
      "$BLE_BRIDGE_V9",
      "$GLOBAL_PAUSE_REGISTRY",
      "$PRICE_FEED",
      "$PRICE_ORACLE",
    ]);
    const { rows: bindings } = await client.query(
      `SELECT b.placeholder, c.name, c.address FROM "PlaceholderBinding" b JOIN "Contract" c ON c.id = b."contractId"
       WHERE b.placeholder = ANY($1)`,
      [targets],
    );
    const { rows: safes } = await client.query(`SELECT label, roles FROM "Safe" ORDER BY label`);
    await client.end();
    expect(bindings.map((row) => row.placeholder).sort()).toEqual(targets);
    const chain = createPublicClient({ chain: foundry, transport: http(`http://127.0.0.1:${anvilPort}`) });
    for (const binding of bindings) {
      const code = await chain.getCode({ address: getAddress(binding.address) });
      expect(code?.length ?? 0, `${binding.placeholder} → ${binding.name} has code`).toBeGreaterThan(2);
    }
    const rolesOf = (label: string) =>
      (safes.find((row) => row.label === label)?.roles as { role: string }[] | null)?.map((r) => r.role) ??
      [];
    expect(rolesOf("Guardian Safe")).toEqual(expect.arrayContaining(["GUARDIAN_ROLE", "EMERGENCY_ROLE"]));
    expect(rolesOf("Admin Safe")).toContain("DEFAULT_ADMIN_ROLE");

    // Each top-level page's first response after `ready at`, signed in as Alice (admin).
    const baseUrl = `http://localhost:${port}`;
    const cookie = await signIn(baseUrl, anvilAccount(1).privateKey);
    const timings: string[] = [];
    for (const page of PAGES) {
      const pageStarted = Date.now();
      const response = await fetch(`${baseUrl}${page}`, {
        headers: page === "/login" ? {} : { cookie },
        redirect: "manual",
      });
      const body = await response.text();
      timings.push(`${page} ${response.status} ${Date.now() - pageStarted} ms`);
      expect(response.status, page).toBe(200);
      if (page === "/login") expect(body).toContain("Sign in with your wallet");
    }
    const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as {
      database: string;
      chains: { chainId: number; status: string }[];
    };
    expect(health.database).toBe("ok");
    expect(health.chains).toContainEqual(expect.objectContaining({ chainId: 31337, status: "ok" }));

    console.log(
      [
        "[demo figures] fresh clone, no ../shared (targets: ready within 3 min of npm ci, 30 s later; pages < 2 s)",
        `  clone node_modules (hard links) + prisma generate: ${prepareSeconds.toFixed(1)} s`,
        `  first start (includes next build): ready at in ${first.readySeconds.toFixed(1)} s`,
        "  first response of each page after ready at:",
        ...timings.map((line) => `    ${line}`),
      ].join("\n"),
    );
    // 0 from our own shutdown, or 130 (the shell's code for Ctrl-C) when tsx relays the signal first.
    expect([0, 130]).toContain(await stopDemo(first));
    expect(await isPortFree(port)).toBe(true);

    // A later start: same clone, same data, same build.
    const second = await startDemo(clone, env);
    demos.push(second);
    console.log(`[demo figures] later start (build reused): ready at in ${second.readySeconds.toFixed(1)} s`);
    expect(second.output()).toContain("production build is current (reused)");
    expect(second.output()).toContain(
      "runbooks from examples/runbooks: Incident Runbooks — Breakglass Demo Protocol (unchanged)",
    );
    expect([0, 130]).toContain(await stopDemo(second));
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(anvilPort)).toBe(true);
    // PostgreSQL removes its pid file when it shuts down cleanly.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 900_000);
});
