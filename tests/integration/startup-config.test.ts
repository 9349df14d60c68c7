import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Bad configuration must stop start-up before anything starts, with one line naming the variable.
function runScript(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, DATABASE_URL: "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up configuration", () => {
  it.each(["scripts/demo.ts", "scripts/dev.ts"])(
    "%s stops on a malformed DATABASE_URL with one clear line",
    (script) => {
      const result = runScript(script, { DATABASE_URL: "postgres//missing-colon" });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toEqual([
        "Invalid configuration: DATABASE_URL must be a postgresql://user:password@host:port/database URL",
      ]);
    },
  );

  it("stops on a malformed RPC URL naming the variable", () => {
    const result = runScript("scripts/demo.ts", { RPC_URL_31337: "localhost:8545" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid configuration: RPC_URL_31337 must be an http(s) URL");
  });
});
