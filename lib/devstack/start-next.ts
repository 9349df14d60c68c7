import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export type NextMode = "dev" | "start";
export type RunningNext = { url: string; process: ChildProcess; stop: () => Promise<void> };

/** Starts `next dev` or `next start` with the given environment and waits until it answers HTTP. */
export async function startNext(options: {
  mode: NextMode;
  port: number;
  env: Record<string, string>;
  log?: (line: string) => void;
  /** Next's stderr (server errors with their cause); defaults to `log`. */
  logError?: (line: string) => void;
  timeoutMs?: number;
}): Promise<RunningNext> {
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(
    process.execPath,
    [nextBin, options.mode, "-p", String(options.port), "-H", "127.0.0.1"],
    {
      env: { ...process.env, ...options.env, PORT: String(options.port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log = options.log ?? (() => {});
  child.stdout?.on("data", (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const logError = options.logError ?? log;
  child.stderr?.on("data", (chunk: Buffer) => logError(chunk.toString().trimEnd()));
  const url = `http://localhost:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next ${options.mode} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}/api/health`, {
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status > 0) return { url, process: child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next ${options.mode} did not answer within ${options.timeoutMs ?? 120_000} ms`);
}
