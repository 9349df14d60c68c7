import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, isPortFree } from "../../lib/net/free-port";

// `npm run demo` as a newcomer runs it: embedded PostgreSQL, anvil, demo contracts and Safes, seed, console.
// Its own data folder and ports, so a developer's running demo is not touched.
describe("npm run demo", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "breakglass-demo-test-"));
  chmodSync(dataDir, 0o777);
  let demo: ChildProcess | undefined;

  afterAll(() => {
    if (demo && demo.exitCode === null) demo.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("prints `ready at`, serves the console, and Ctrl-C stops everything it started", async () => {
    const port = await freePort();
    const anvilPort = await freePort();
    demo = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: "",
        PORT: String(port),
        ANVIL_PORT: String(anvilPort),
        BREAKGLASS_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    demo.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const readyLine = await new Promise<string>((resolve, reject) => {
      demo!.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split("\n").find((candidate) => candidate.includes("ready at"));
        if (line) resolve(line);
      });
      demo!.once("exit", (code) => reject(new Error(`demo exited with ${code}:\n${output}`)));
    });
    expect(readyLine).toContain(`ready at http://localhost:${port}`);
    expect(output).toContain(`RPC http://127.0.0.1:${anvilPort}, chain id 31337`);
    expect(output).toMatch(/Alice Ng\s+admin\s+0x70997970C51812dc3A010C7d01b50e0d17dc79C8\s+0x59c6995e/);

    const login = await fetch(`http://localhost:${port}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain("Sign in with your wallet");
    const health = (await (await fetch(`http://localhost:${port}/api/health`)).json()) as {
      database: string;
      chains: { chainId: number; status: string }[];
    };
    expect(health.database).toBe("ok");
    expect(health.chains).toContainEqual(expect.objectContaining({ chainId: 31337, status: "ok" }));

    // The demo read the Safes' roles from the chain at start (Settings shows them without a refresh).
    const { Client } = await import("pg");
    const databaseUrl = /embedded PostgreSQL on port (\d+)/.exec(output)?.[1];
    expect(databaseUrl).toBeDefined();
    const client = new Client(`postgresql://breakglass:breakglass-local@127.0.0.1:${databaseUrl}/breakglass`);
    await client.connect();
    const { rows } = await client.query(`SELECT label, roles FROM "Safe" ORDER BY label`);
    await client.end();
    const rolesOf = (label: string) =>
      (rows.find((row) => row.label === label)?.roles as { role: string }[] | null)?.map((r) => r.role) ?? [];
    expect(rolesOf("Guardian Safe")).toEqual(expect.arrayContaining(["GUARDIAN_ROLE", "EMERGENCY_ROLE"]));
    expect(rolesOf("Admin Safe")).toContain("DEFAULT_ADMIN_ROLE");

    const exited = new Promise<number | null>((resolve) => demo!.once("exit", resolve));
    demo.kill("SIGINT");
    // 0 from our own shutdown, or 130 (the shell's code for Ctrl-C) when tsx relays the signal first.
    expect([0, 130]).toContain(await exited);
    expect(await isPortFree(port)).toBe(true);
    expect(await isPortFree(anvilPort)).toBe(true);
    // PostgreSQL removes its pid file when it shuts down cleanly.
    expect(existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
  }, 240_000);
});
