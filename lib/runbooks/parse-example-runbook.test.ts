import { keccak256, toFunctionSelector, toHex } from "viem";
import { describe, expect, it } from "vitest";
import {
  actionsUnder,
  countActions,
  GLOBAL_PAUSE_ANCHOR,
  readExampleRunbook,
  sectionOf,
  tocAnchors,
} from "../../tests/support/runbook-fixtures";
import { collectPlaceholders } from "./collect-placeholders";
import { collectSectionSteps } from "./collect-section-steps";
import { parseRunbook } from "./index";
import { roleFromHint } from "./resolve-runbook-action";

// The project's own runbook for the demo protocol (examples/runbooks/demo-protocol.md). Every figure was
// counted by hand from the file.
describe("examples/runbooks/demo-protocol.md", () => {
  const markdown = readExampleRunbook();
  const parsed = parseRunbook(markdown);

  it("reads 8 numbered H2 procedures and 16 H3 sections, every TOC link among them", () => {
    expect(parsed.title).toBe("Incident Runbooks — Breakglass Demo Protocol");
    expect(parsed.isMojibakeRepaired).toBe(false);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 2)).toHaveLength(8);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 3)).toHaveLength(16);
    expect(tocAnchors(markdown)).toHaveLength(8);
    expect(parsed.runbooks.map((runbook) => runbook.anchor)).toEqual(
      expect.arrayContaining(tocAnchors(markdown)),
    );
  });

  it("has the P1..P4 scheme with response targets", () => {
    expect(parsed.severityLevels.map((level) => [level.name, level.label])).toEqual([
      ["P1", "Critical"],
      ["P2", "High"],
      ["P3", "Medium"],
      ["P4", "Low"],
    ]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      900, 3600, 14400, 86400,
    ]);
  });

  it("counts 13 sends and 11 reads, per procedure", () => {
    const h2 = (number: string) =>
      parsed.runbooks.find((runbook) => runbook.level === 2 && runbook.title.startsWith(`${number}.`))!
        .anchor;
    expect(countActions(actionsUnder(parsed, h2("1")))).toEqual({ sends: 0, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("2")))).toEqual({ sends: 2, calls: 2 });
    expect(countActions(actionsUnder(parsed, h2("3")))).toEqual({ sends: 3, calls: 3 });
    expect(countActions(actionsUnder(parsed, h2("4")))).toEqual({ sends: 1, calls: 2 });
    expect(countActions(actionsUnder(parsed, h2("5")))).toEqual({ sends: 3, calls: 3 });
    expect(countActions(actionsUnder(parsed, h2("6")))).toEqual({ sends: 4, calls: 1 });
    expect(countActions(parsed.actions)).toEqual({ sends: 13, calls: 11 });
  });

  it("separates duties: the Guardian pauses, the Admin unpauses, each verified", () => {
    const pause = parsed.actions.find((action) => action.signature === "pauseGlobal()")!;
    expect(pause).toMatchObject({ target: "$GLOBAL_PAUSE_REGISTRY", runbook: "pause-guardian-safe" });
    expect(roleFromHint(sectionOf(parsed, "pause-guardian-safe").who!)?.name).toBe("GUARDIAN_ROLE");
    expect(roleFromHint(sectionOf(parsed, "unpause-admin-safe").who!)?.name).toBe("DEFAULT_ADMIN_ROLE");
    const reads = parsed.actions.filter((action) => action.signature === "isGloballyPaused()");
    expect(reads.map((read) => [read.runbook, read.expect])).toEqual([
      ["pause-guardian-safe", "true"],
      ["unpause-admin-safe", "false"],
    ]);
    expect(reads[0]!.selector).toBe(toFunctionSelector("isGloballyPaused()"));
    const steps = collectSectionSteps(parsed, GLOBAL_PAUSE_ANCHOR);
    expect(new Set(steps.map((item) => item.section.anchor))).toEqual(
      new Set([GLOBAL_PAUSE_ANCHOR, "pause-guardian-safe", "unpause-admin-safe", "pre-unpause-checklist"]),
    );
    expect(steps.filter((item) => item.step.kind === "check")).toHaveLength(6);
  });

  it("the bridge unpause is a request, a 24 h wait and an execution; its checklist waits for the timelock", () => {
    const bridge = actionsUnder(parsed, "3-bridge-pause-and-timelocked-unpause-blebridgev9");
    expect(bridge.filter((action) => action.kind === "send").map((action) => action.signature)).toEqual([
      "pause()",
      "requestUnpause()",
      "executeUnpause()",
    ]);
    const waits = parsed.runbooks.flatMap((runbook) => runbook.steps.filter((step) => step.kind === "wait"));
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ durationSeconds: 86400 });
    const checks = sectionOf(parsed, "bridge-pre-unpause-checklist").steps.filter(
      (step) => step.kind === "check",
    );
    expect(checks).toHaveLength(5);
    expect(checks[4]).toMatchObject({ text: "24h timelock has elapsed", durationSeconds: 86400 });
  });

  it("binds shell variables: the cap cut stays open, the oracle token and $(cast keccak) roles resolve", () => {
    const cut = parsed.actions.find((action) => action.signature === "emergencyReduceCap(uint256,string)")!;
    expect(cut.argValues).toEqual([null, "Cap cut: untrusted attestation"]);
    const reset = parsed.actions.find((action) => action.signature === "keeperResetPrice(address)")!;
    expect(reset.argValues).toEqual(["0x00000000000000000000000000000000000000A1"]);
    const grants = parsed.actions.filter((action) => action.signature === "grantRole(bytes32,address)");
    expect(grants.map((grant) => grant.argValues[0])).toEqual([
      keccak256(toHex("GUARDIAN_ROLE")),
      keccak256(toHex("EMERGENCY_ROLE")),
    ]);
  });

  it("names the contracts the demo binds, and the open values a responder fills in", () => {
    expect(collectPlaceholders(parsed).map((use) => use.placeholder)).toEqual([
      "$BLE_BRIDGE_V9",
      "$GLOBAL_PAUSE_REGISTRY",
      "$NEW_FEED",
      "$NEW_GUARDIAN",
      "$OLD_GUARDIAN",
      "$PRICE_FEED",
      "$PRICE_ORACLE",
    ]);
  });

  it("routes the 7 alerts of its table and has a status and a resolution template", () => {
    expect(parsed.alertRoutes.map((route) => [route.alert, route.runbook, route.severity])).toEqual([
      ["ProtocolGloballyPaused", GLOBAL_PAUSE_ANCHOR, "P1"],
      ["BridgePaused", "3-bridge-pause-and-timelocked-unpause-blebridgev9", "P1"],
      ["BridgeUnpauseRequested", "3-bridge-pause-and-timelocked-unpause-blebridgev9", "P2"],
      ["BridgeSupplyCapJump", "4-bridge-supply-cap-cut", "P1"],
      ["OracleStale", "5-oracle-stale-price-or-tripped-circuit-breaker", "P2"],
      ["OracleCircuitBreakerTripped", "5-oracle-stale-price-or-tripped-circuit-breaker", "P2"],
      ["UnexpectedRoleGranted", "6-role-rotation", "P1"],
    ]);
    expect(parsed.templates.map((template) => template.name)).toEqual([
      "Status Update Template",
      "Resolution Template",
    ]);
    expect(parsed.templates[0]!.body.startsWith("[P?] INCIDENT: <title>\n")).toBe(true);
  });
});
