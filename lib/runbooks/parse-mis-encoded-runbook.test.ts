import { keccak256, toHex } from "viem";
import { describe, expect, it } from "vitest";
import {
  actionsUnder,
  countActions,
  readFixtureRunbook,
  sectionOf,
  tocAnchors,
} from "../../tests/support/runbook-fixtures";
import { parseRunbook } from "./index";

// tests/fixtures/runbooks/mis-encoded.md: UTF-8 text read as cp1252 and saved again ("â€”" for "—", "Â§" for
// "§", "ðŸš¨" for "🚨"), as real runbooks arrive. Every figure was counted by hand from the file.
describe("a mis-encoded runbook (UTF-8 read as cp1252)", () => {
  const markdown = readFixtureRunbook("mis-encoded.md");
  const parsed = parseRunbook(markdown);

  it("is really mis-encoded on disk, and comes out repaired", () => {
    expect(markdown).toContain("Vault Operations â€” Lending Desk");
    expect(markdown).toContain("ðŸš¨ VAULT INCIDENT");
    expect(parsed.isMojibakeRepaired).toBe(true);
    expect(parsed.title).toBe("Vault Operations — Lending Desk Runbooks");
    expect(JSON.stringify(parsed)).not.toMatch(/â€|Â§|ðŸ|â‰/);
    expect(sectionOf(parsed, "pre-unfreeze-checklist").steps[1]).toMatchObject({
      text: "Collateral ratios ≥ 150 % on every vault",
    });
  });

  it("finds 5 H2 and 6 H3 sections; the TOC's GitHub anchors (double hyphen for the dash) match", () => {
    expect(parsed.runbooks.filter((runbook) => runbook.level === 2)).toHaveLength(5);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 3)).toHaveLength(6);
    expect(tocAnchors(markdown)).toEqual([
      "1-response-overview--all-incidents",
      "2-vault-freeze-circuit-breaker",
      "3-liquidation-queue-stall",
      "4-keeper-key-rotation",
    ]);
    expect(parsed.runbooks.map((runbook) => runbook.anchor)).toEqual(
      expect.arrayContaining(tocAnchors(markdown)),
    );
  });

  it("reads the P1..P4 table, the table winning over the inline pairs", () => {
    expect(parsed.severityLevels.map((level) => [level.name, level.label, level.responseTime])).toEqual([
      ["P1", "Critical", "Immediate (<10 min)"],
      ["P2", "High", "<1 hour"],
      ["P3", "Medium", "<4 hours"],
      ["P4", "Low", "Next business day"],
    ]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      600, 3600, 14400, 86400,
    ]);
  });

  it("reads section fields, inherited by H3s, with the repaired text", () => {
    expect(sectionOf(parsed, "2-vault-freeze-circuit-breaker")).toMatchObject({
      contract: "VaultManager.sol",
      when: "Exploit suspected, collateral price “looks wrong”",
      severity: "P1",
    });
    expect(sectionOf(parsed, "freeze")).toMatchObject({ who: "Any PAUSER_ROLE holder", severity: "P1" });
    expect(sectionOf(parsed, "unfreeze").who).toBe("DEFAULT_ADMIN_ROLE holder (multisig) — never the pauser");
    expect(sectionOf(parsed, "4-keeper-key-rotation").severity).toBe("P3 (scheduled) or P1 (if key leaked)");
  });

  it("counts the cast actions per section and resolves $(cast keccak)", () => {
    expect(countActions(actionsUnder(parsed, "2-vault-freeze-circuit-breaker"))).toEqual({
      sends: 2,
      calls: 2,
    });
    expect(countActions(actionsUnder(parsed, "3-liquidation-queue-stall"))).toEqual({ sends: 0, calls: 1 });
    expect(countActions(actionsUnder(parsed, "4-keeper-key-rotation"))).toEqual({ sends: 2, calls: 0 });
    expect(countActions(parsed.actions)).toEqual({ sends: 4, calls: 3 });
    expect(parsed.actions.filter((action) => action.expect !== null).map((action) => action.expect)).toEqual([
      "true",
      "false",
    ]);
    const grant = parsed.actions.find((action) => action.signature === "grantRole(bytes32,address)")!;
    expect(grant.argValues).toEqual([keccak256(toHex("KEEPER_ROLE")), null]);
  });

  it("numbered steps with nested commands, an inline command and a wait; a cooldown on a checklist item", () => {
    const steps = sectionOf(parsed, "3-liquidation-queue-stall").steps;
    expect(steps.map((step) => step.kind)).toEqual([
      "check",
      "command",
      "command",
      "check",
      "wait",
      "check",
      "verify",
    ]);
    expect(steps[3]).toMatchObject({ command: "kubectl rollout restart deploy/keeper -n lending" });
    expect(steps[4]).toMatchObject({ durationSeconds: 600, ordinal: 3 });
    const checklist = sectionOf(parsed, "pre-unfreeze-checklist").steps;
    expect(checklist).toHaveLength(5);
    expect(checklist[3]).toMatchObject({ text: "12h cooldown has elapsed", durationSeconds: 43200 });
  });

  it("routes the appendix alerts by § number and repairs the template", () => {
    expect(parsed.alertRoutes.map((route) => [route.alert, route.runbook, route.severity])).toEqual([
      ["VaultFrozen", "2-vault-freeze-circuit-breaker", "P1"],
      ["LiquidationQueueStalled", "3-liquidation-queue-stall", "P2"],
      // Its section's severity ("P3 (scheduled) or P1 ...") is not one level: no severity.
      ["KeeperKeyAgeHigh", "4-keeper-key-rotation", null],
    ]);
    expect(parsed.templates).toHaveLength(1);
    expect(parsed.templates[0]).toMatchObject({ name: "Update Template", runbook: "update-template" });
    expect(parsed.templates[0]!.body.startsWith("🚨 VAULT INCIDENT: [Title]\n")).toBe(true);
    expect(parsed.templates[0]!.body).toContain("HH:MM UTC — Detected via [source]");
  });
});
