import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort } from "@/lib/net/free-port";

export type AnvilOptions = {
  /** Fixed port; by default a free one is picked. */
  port?: number;
  /** Seconds per block; by default anvil automines one block per transaction. */
  blockTime?: number;
  log?: (line: string) => void;
  /**
   * Keep the chain across restarts: anvil loads this file when it exists and writes its state (accounts,
   * code, storage, blocks) there when stopped, so a stopped node can start again where it was (fault tests).
   */
  statePath?: string;
  /** Fork another node at its latest block (drills); the fork gets `chainId` so its signatures are its own. */
  fork?: { url: string; blockNumber?: number };
  /** The chain id to answer with (default 31337). */
  chainId?: number;
};

export type AnvilInstance = { rpcUrl: string; port: number; pid: number | undefined; stop(): Promise<void> };

export const ANVIL_CHAIN_ID = 31337;
const READY_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 3_000;

/**
 * Path to the real anvil binary. `npx anvil` runs a node wrapper that forwards only SIGINT/SIGTERM, so killing
 * the wrapper with anything else would orphan anvil; spawning the binary directly keeps one pid to manage.
 */
export function anvilBinaryPath(): string {
  const require = createRequire(import.meta.url);
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const name = process.platform === "win32" ? "anvil.exe" : "anvil";
  const pkg = `@foundry-rs/anvil-${process.platform}-${arch}`;
  // Resolved through the package's package.json (a file a bundler can read). Inside Next's server bundle
  // (drills start forks from a route) require.resolve answers a module id, not a path: then the package is
  // found where npm installed it, under the app's node_modules.
  const manifest: unknown = require.resolve(`${pkg}/package.json`);
  const dir =
    typeof manifest === "string" ? path.dirname(manifest) : path.join(process.cwd(), "node_modules", pkg);
  return path.join(dir, "bin", name);
}

/** Every anvil started by this process, killed synchronously if the process exits without stopping them. */
const running = new Set<ChildProcess>();
let isExitHookInstalled = false;
function installExitHook(): void {
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL is the only reliable choice there.
  // (Ctrl-C reaches anvil directly: it shares our process group because it is not detached.)
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

export async function startAnvil(options: AnvilOptions = {}): Promise<AnvilInstance> {
  if (options.port !== undefined) return launch(options.port, options);
  // freePort() closes its probe socket before anvil binds, so another process can win the race: retry then.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(await freePort(), options);
    } catch (error) {
      lastError = error;
      if (!/address already in use|AddrInUse/i.test(String(error))) throw error;
    }
  }
  throw lastError;
}

async function launch(port: number, options: AnvilOptions): Promise<AnvilInstance> {
  installExitHook();
  const chainId = options.chainId ?? ANVIL_CHAIN_ID;
  const args = ["--port", String(port), "--host", "127.0.0.1", "--chain-id", String(chainId)];
  if (options.fork) {
    args.push("--fork-url", options.fork.url);
    if (options.fork.blockNumber !== undefined)
      args.push("--fork-block-number", String(options.fork.blockNumber));
  }
  if (options.blockTime !== undefined) args.push("--block-time", String(options.blockTime));
  if (options.statePath !== undefined) args.push("--state", options.statePath);
  const child = spawn(anvilBinaryPath(), args, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);

  const recentOutput: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      options.log?.(line);
      recentOutput.push(line);
      if (recentOutput.length > 20) recentOutput.shift();
    }
  };
  // Always drain both pipes: a full pipe buffer would block anvil.
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);

  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => {
      running.delete(child);
      resolve();
    });
  });

  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(rpcUrl, exited, chainId);
  } catch (error) {
    await stop();
    throw new Error(
      `anvil did not start on port ${port}: ${(error as Error).message}\n${recentOutput.join("\n")}`,
    );
  }
  return { rpcUrl, port, pid: child.pid, stop };
}

async function waitUntilReady(rpcUrl: string, exited: Promise<void>, chainId: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("process exited");
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      const body = (await response.json()) as { result?: string };
      if (body.result !== undefined && Number(body.result) === chainId) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no eth_chainId answer within ${READY_TIMEOUT_MS} ms`);
}
