import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ZParsedRunbook } from "./schemas";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "runbook-cli-"));

function runCli(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/runbook.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderrLines: result.stderr.split("\n").filter(Boolean),
  };
}

describe("runbook CLI", { timeout: 60_000 }, () => {
  it("prints one JSON document that validates against the schema", () => {
    const { status, stdout, stderrLines } = runCli(
      "parse",
      path.resolve(repoRoot, "examples/runbooks/demo-protocol.md"),
    );
    expect(status).toBe(0);
    expect(stderrLines).toEqual([]);
    const parsed = ZParsedRunbook.parse(JSON.parse(stdout));
    expect(parsed.title).toBe("Incident Runbooks — Breakglass Demo Protocol");
  });

  const binary = path.join(scratch, "binary.md");
  writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  const latin1 = path.join(scratch, "latin1.md");
  writeFileSync(latin1, Buffer.from([0x23, 0x20, 0x63, 0x61, 0x66, 0xe9]));
  const empty = path.join(scratch, "empty.md");
  writeFileSync(empty, "\n  \n");

  it.each([
    ["a missing file", path.join(scratch, "missing.md"), /no such file/],
    ["a directory", scratch, /is a directory/],
    ["a binary file", binary, /binary/],
    ["a file that is not UTF-8", latin1, /not valid UTF-8/],
    ["an empty file", empty, /empty/],
  ])("exits 2 with one stderr line for %s", (_name, file, reason) => {
    const { status, stdout, stderrLines } = runCli("parse", file);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toMatch(reason);
  });

  // The import itself (with a database) is tested in tests/integration/runbooks-cli.test.ts.
  it("exits 2 for an unreadable import file and for bad usage", () => {
    expect(runCli("import", "x.md")).toMatchObject({ status: 2, stderrLines: ["x.md: no such file"] });
    expect(runCli("import").status).toBe(2);
    expect(runCli("frobnicate").status).toBe(2);
    expect(runCli("parse").status).toBe(2);
  });
});
