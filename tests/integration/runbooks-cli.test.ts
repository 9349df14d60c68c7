import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../lib/db/client";
import { smallRunbook, unique } from "./runbooks-support";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "runbook-import-cli-"));

function runImport(file: string) {
  const result = spawnSync("npx", ["tsx", "scripts/runbook.ts", "import", file], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
  });
  return {
    status: result.status,
    stdoutLines: result.stdout.split("\n").filter(Boolean),
    stderrLines: result.stderr.split("\n").filter(Boolean),
  };
}

describe("npm run -s runbook -- import FILE", () => {
  it("imports version 1, then reports an unchanged file, then version 2 for an edit", async () => {
    const title = `CLI import ${unique()}`;
    const file = path.join(scratch, "ops.md");
    writeFileSync(file, smallRunbook(title));

    const first = runImport(file);
    expect(first.stderrLines).toEqual([]);
    expect(first.status).toBe(0);
    expect(first.stdoutLines).toHaveLength(1);
    expect(first.stdoutLines[0]).toMatch(new RegExp(`^${title} \\(.+\\): imported as new version 1 \\[`));

    expect(runImport(file)).toMatchObject({
      status: 0,
      stdoutLines: [expect.stringContaining("unchanged, already stored as version 1")],
    });

    writeFileSync(file, smallRunbook(title, "- [ ] One more thing\n"));
    expect(runImport(file)).toMatchObject({
      status: 0,
      stdoutLines: [expect.stringContaining("imported as new version 2")],
    });

    const document = await db().runbookDocument.findFirstOrThrow({
      where: { title },
      include: { versions: true },
    });
    expect(document.versions.map((version) => [version.version, version.importedBy]).sort()).toEqual([
      [1, "cli"],
      [2, "cli"],
    ]);
  });

  it.each([
    ["a missing file", () => path.join(scratch, "nope.md"), /nope\.md: no such file/],
    ["a binary file", () => write("bin.md", Buffer.from([1, 2, 0, 3])), /binary file/],
    ["an empty file", () => write("empty.md", Buffer.from("\n\n")), /empty\.md: is empty/],
    [
      "a file that is not UTF-8",
      () => write("latin1.md", Buffer.from([0x23, 0x20, 0xe9, 0x0a])),
      /not valid UTF-8/,
    ],
    [
      "a file over 2 MB",
      () => write("big.md", Buffer.from(`# Big\n${"x".repeat(2 * 1024 * 1024)}`)),
      /at most 2 MB/,
    ],
  ])("exits 2 with one line for %s, storing nothing", async (_name, makeFile, reason) => {
    const before = await db().runbookVersion.count();
    const result = runImport(makeFile());
    expect(result.status).toBe(2);
    expect(result.stdoutLines).toEqual([]);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderrLines[0]).toMatch(reason);
    expect(await db().runbookVersion.count()).toBe(before);
  });
});

function write(name: string, bytes: Buffer): string {
  const file = path.join(scratch, name);
  writeFileSync(file, bytes);
  return file;
}
