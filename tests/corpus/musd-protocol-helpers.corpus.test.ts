import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { collectPlaceholders, collectSectionSteps, parseRunbook } from "../../lib/runbooks";
import { ZParsedRunbook } from "../../lib/runbooks/schemas";
import { corpusFile, readCorpusRunbook } from "./read-corpus-runbook";

// What the import helpers and the CLI make of the real musd-protocol.md (figures counted from the file).
describe("musd-protocol.md through the import helpers and the CLI", () => {
  it("collects targets and open address arguments of the musd runbook", () => {
    const placeholders = collectPlaceholders(parseRunbook(readCorpusRunbook("musd-protocol.md"))).map(
      (use) => use.placeholder,
    );
    expect(placeholders).toEqual([
      "$BLE_BRIDGE_V9",
      "$CHAINLINK_FEED",
      "$CONTRACT",
      "$GLOBAL_PAUSE_REGISTRY",
      "$LIQUIDATION_ENGINE",
      "$NEW_FEED",
      "$NEW_GUARDIAN",
      "$OLD_GUARDIAN",
      "$PRICE_ORACLE",
      "$TOKEN",
      "$TOKEN_ADDRESS",
    ]);
  });

  it("an H2 procedure brings the steps of its H3 subsections, numbered once", () => {
    const parsed = parseRunbook(readCorpusRunbook("musd-protocol.md"));
    const steps = collectSectionSteps(parsed, "2-global-protocol-pause-circuit-breaker");
    expect(steps.map((item) => item.index)).toEqual(steps.map((_, index) => index));
    expect(new Set(steps.map((item) => item.section.anchor))).toEqual(
      new Set(["pause-emergency", "unpause-recovery", "pre-unpause-checklist"]),
    );
    expect(steps.filter((item) => item.step.kind === "check")).toHaveLength(7);
  });

  it("the CLI prints one JSON document that validates against the schema", { timeout: 60_000 }, () => {
    const result = spawnSync("npx", ["tsx", "scripts/runbook.ts", "parse", corpusFile("musd-protocol.md")], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.status).toBe(0);
    expect(result.stderr.split("\n").filter(Boolean)).toEqual([]);
    const parsed = ZParsedRunbook.parse(JSON.parse(result.stdout));
    expect(parsed.title).toBe("Operational Runbooks — Minted mUSD Protocol");
  });
});
