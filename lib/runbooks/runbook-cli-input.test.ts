import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeRunbookBytes } from "./decode-runbook-bytes";
import { ZParsedRunbook } from "./schemas";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "runbook-cli-input-"));
const RUNBOOK = '# Bridge Ops\n\n## Pause\n\n```bash\ncast send $BRIDGE "pause()"\n```\n';

function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? le : le.swap16();
}

function run(command: string) {
  const result = spawnSync("bash", ["-o", "pipefail", "-c", command], {
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

describe("runbook input decoding", () => {
  it.each(["le", "be"] as const)("decodes UTF-16 %s with a byte order mark", (order) => {
    expect(decodeRunbookBytes(utf16(RUNBOOK, order))).toBe(RUNBOOK);
  });

  it("refuses UTF-16 that is not valid, and NUL characters inside it", () => {
    expect(() => decodeRunbookBytes(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]))).toThrow(
      /not valid UTF-16/,
    );
    expect(() => decodeRunbookBytes(utf16("# a\0b", "le"))).toThrow(/binary/);
  });
});

describe("runbook CLI input and output", { timeout: 60_000 }, () => {
  const le = path.join(scratch, "utf16.md");
  writeFileSync(le, utf16(RUNBOOK, "le"));
  const large = path.join(scratch, "large.md");
  writeFileSync(large, `# Large\n\n${"- [ ] check the bridge\n".repeat(40_000)}`);
  const huge = path.join(scratch, "huge.md");
  writeFileSync(huge, Buffer.alloc(2 * 1024 * 1024 + 1, 0x61));

  it("parses a UTF-16 file with a byte order mark", () => {
    const { status, stdout } = run(`npx tsx scripts/runbook.ts parse ${le}`);
    expect(status).toBe(0);
    const parsed = ZParsedRunbook.parse(JSON.parse(stdout));
    expect(parsed.title).toBe("Bridge Ops");
    expect(parsed.actions[0]).toMatchObject({ signature: "pause()", target: "$BRIDGE" });
  });

  it("ends quietly with 0 when stdout is closed early (parse | head)", () => {
    const { status, stdout, stderrLines } = run(`npx tsx scripts/runbook.ts parse ${large} | head -c 100`);
    expect(status).toBe(0);
    expect(stdout).toHaveLength(100);
    expect(stderrLines).toEqual([]);
  });

  it("exits 2 with one line for a file over the size limit", () => {
    const { status, stderrLines } = run(`npx tsx scripts/runbook.ts parse ${huge}`);
    expect(status).toBe(2);
    expect(stderrLines).toEqual([`${huge}: is 2.0 MB; a runbook may be at most 2 MB`]);
  });
});
