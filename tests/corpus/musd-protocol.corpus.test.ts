import { keccak256, toFunctionSelector, toHex } from "viem";
import { describe, expect, it } from "vitest";
import { parseRunbook } from "../../lib/runbooks";
import { actionsUnder, countActions, sectionOf, tocAnchors } from "../support/runbook-fixtures";
import { readCorpusRunbook } from "./read-corpus-runbook";

// Every figure below was counted by hand from the real file (npm run test:corpus -- DIR), not copied from parser output.
describe("musd-protocol.md (mis-encoded)", () => {
  const markdown = readCorpusRunbook("musd-protocol.md");
  const parsed = parseRunbook(markdown);

  it("repairs the mojibake", () => {
    expect(parsed.title).toBe("Operational Runbooks — Minted mUSD Protocol");
    expect(parsed.isMojibakeRepaired).toBe(true);
    expect(JSON.stringify(parsed)).not.toMatch(/â€|Â§|ðŸ/);
  });

  it("finds 11 H2 sections (Table of Contents skipped) and 31 H3 sections", () => {
    expect(parsed.runbooks).toHaveLength(42);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 2)).toHaveLength(11);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 3)).toHaveLength(31);
    const anchors = parsed.runbooks.map((runbook) => runbook.anchor);
    expect(anchors).toEqual(expect.arrayContaining(tocAnchors(markdown)));
    expect(tocAnchors(markdown)).toHaveLength(9);
    expect(anchors).toContain("pre-unpause-checklist-1");
  });

  it("reads the section fields, H3 sections inheriting their H2's", () => {
    const pause = sectionOf(parsed, "2-global-protocol-pause-circuit-breaker");
    expect(pause).toMatchObject({
      contract: "GlobalPauseRegistry.sol",
      when: "Active exploit, unknown vulnerability, coordinated attack",
      severity: "P1",
    });
    expect(sectionOf(parsed, "pause-emergency")).toMatchObject({
      who: "Any GUARDIAN_ROLE holder",
      severity: "P1",
    });
    expect(sectionOf(parsed, "6-key-rotation").severity).toBe("P3 (scheduled) or P1 (if key compromised)");
    expect(sectionOf(parsed, "5-liquidation-cascade").contract).toBe(
      "LiquidationEngine.sol, BorrowModule.sol, CollateralVault.sol",
    );
  });

  it("finds the P1..P4 severity scheme with response targets", () => {
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["P1", "P2", "P3", "P4"]);
    expect(parsed.severityLevels.map((level) => level.responseTime)).toEqual([
      "Immediate (<15 min)",
      "<1 hour",
      "<4 hours",
      "Next business day",
    ]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      900, 3600, 14400, 86400,
    ]);
    expect(parsed.severityLevels[0]).toMatchObject({
      label: "Critical",
      description: "Active exploit, fund loss, bridge compromise",
    });
  });

  it("counts the cast actions of each numbered section", () => {
    const h2 = (prefix: string) =>
      parsed.runbooks.find((runbook) => runbook.title.startsWith(prefix))!.anchor;
    expect(countActions(actionsUnder(parsed, h2("1.")))).toEqual({ sends: 0, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("2.")))).toEqual({ sends: 2, calls: 2 });
    expect(countActions(actionsUnder(parsed, h2("3.")))).toEqual({ sends: 4, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("4.")))).toEqual({ sends: 3, calls: 1 });
    expect(countActions(actionsUnder(parsed, h2("5.")))).toEqual({ sends: 1, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("6.")))).toEqual({ sends: 2, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("7.")))).toEqual({ sends: 0, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("8.")))).toEqual({ sends: 0, calls: 0 });
    expect(countActions(actionsUnder(parsed, h2("9.")))).toEqual({ sends: 0, calls: 2 });
    expect(countActions(parsed.actions)).toEqual({ sends: 12, calls: 5 });
  });

  it("reads the verification reads with their expected results", () => {
    const reads = parsed.actions.filter((action) => action.signature === "isGloballyPaused()");
    expect(reads).toHaveLength(2);
    expect(reads[0]).toMatchObject({
      kind: "call",
      target: "$GLOBAL_PAUSE_REGISTRY",
      returns: ["bool"],
      argTypes: [],
      args: [],
      expect: "true",
      runbook: "pause-emergency",
      selector: toFunctionSelector("isGloballyPaused()"),
    });
    expect(reads[1]).toMatchObject({ expect: "false", runbook: "unpause-recovery" });
    const roundData = parsed.actions.find((action) => action.signature === "latestRoundData()")!;
    expect(roundData.returns).toEqual(["uint80", "int256", "uint256", "uint256", "uint80"]);
  });

  it("reads sends: signature, selector, args, placeholders and continuations", () => {
    const reduce = parsed.actions.find((action) => action.signature?.startsWith("emergencyReduceCap"))!;
    expect(reduce).toMatchObject({
      kind: "send",
      target: "$BLE_BRIDGE_V9",
      signature: "emergencyReduceCap(uint256,string)",
      argTypes: ["uint256", "string"],
      args: ["<new_lower_cap>", "Reason: suspected forged attestation"],
      argValues: [null, "Reason: suspected forged attestation"],
      value: null,
      runbook: "emergency-cap-reduction",
    });
    const pause = parsed.actions.find((action) => action.signature === "pause()")!;
    expect(pause.selector).toBe("0x8456cb59");
    const setFeed = parsed.actions.find(
      (action) => action.signature === "setFeed(address,address,uint256,uint8)",
    )!;
    expect(setFeed.args).toEqual(["$TOKEN", "$NEW_FEED", "$STALE_PERIOD", "$TOKEN_DECIMALS"]);
    expect(parsed.actions.find((action) => action.signature === "setCloseFactor(uint256)")!.args).toEqual([
      "10000",
    ]);
  });

  it('resolves $GUARDIAN_ROLE to its $(cast keccak "GUARDIAN_ROLE") binding', () => {
    const grant = parsed.actions.find((action) => action.signature === "grantRole(bytes32,address)")!;
    expect(grant.selector).toBe("0x2f2ff15d");
    expect(grant.args).toEqual(["$GUARDIAN_ROLE", "$NEW_GUARDIAN"]);
    expect(grant.argValues).toEqual([keccak256(toHex("GUARDIAN_ROLE")), null]);
    const revoke = parsed.actions.find((action) => action.signature === "revokeRole(bytes32,address)")!;
    expect(revoke.selector).toBe("0xd547741f");
  });

  it("finds the checklists, waits and the timelock", () => {
    const checks = (anchor: string) =>
      sectionOf(parsed, anchor).steps.filter((step) => step.kind === "check");
    expect(checks("pre-unpause-checklist")).toHaveLength(7);
    expect(
      checks("pre-unpause-checklist").every((step) => step.kind === "check" && step.checked === false),
    ).toBe(true);
    expect(checks("pre-unpause-checklist-1")).toHaveLength(6);
    expect(checks("pre-unpause-checklist-1")[4]).toMatchObject({
      text: "24h timelock has elapsed",
      durationSeconds: 86400,
    });
    const waits = parsed.runbooks.flatMap((runbook) => runbook.steps.filter((step) => step.kind === "wait"));
    expect(waits.map((step) => step.kind === "wait" && step.durationSeconds)).toEqual([86400, 300]);
    expect(
      sectionOf(parsed, "relay-validator-keys").steps.filter((step) => step.kind === "check"),
    ).toHaveLength(7);
  });

  it("routes the 7 monitoring alerts to their sections", () => {
    expect(parsed.alertRoutes).toEqual([
      {
        alert: "ProtocolGloballyPaused",
        runbook: "2-global-protocol-pause-circuit-breaker",
        severity: "P1",
        condition: "GlobalPauseRegistry.isGloballyPaused() == true",
      },
      {
        alert: "BridgePaused",
        runbook: "3-bridge-pause--unpause-blebridgev9",
        severity: "P1",
        condition: "BLEBridgeV9.paused() == true",
      },
      {
        alert: "OracleStale",
        runbook: "4-oracle-failure--stale-price",
        severity: "P2",
        condition: "block.timestamp - updatedAt > stalePeriod",
      },
      {
        alert: "HighLiquidationRate",
        runbook: "5-liquidation-cascade",
        severity: "P2",
        condition: "liquidation_count_1h > 50",
      },
      {
        alert: "PostgresDown",
        runbook: "7-database-failover-postgresql",
        severity: "P1",
        condition: "pg_up == 0",
      },
      {
        alert: "CantonParticipantDown",
        runbook: "8-canton-participant-recovery",
        severity: "P2",
        condition: "canton_health != SERVING",
      },
      {
        alert: "RelayLagging",
        runbook: "9-relay-service-recovery",
        severity: "P2",
        condition: "relay_last_attestation_age > 600s",
      },
    ]);
  });

  it("finds the one communication template, repaired", () => {
    expect(parsed.templates).toHaveLength(1);
    expect(parsed.templates[0]).toMatchObject({
      name: "Communication Template",
      runbook: "communication-template",
    });
    expect(parsed.templates[0]!.body.startsWith("🚨 INCIDENT: [Title]\nSeverity: P[1-4]")).toBe(true);
    expect(parsed.templates[0]!.body).toContain("HH:MM UTC — Detected via [source]");
  });

  it("turns kubectl lines into copyable command steps", () => {
    const steps = sectionOf(parsed, "immediate-actions-1").steps;
    const commands = steps.filter((step) => step.kind === "command");
    expect(commands).toHaveLength(3 + 2 + 10);
    expect(commands[0]).toMatchObject({ command: "kubectl get pods -n musd-canton -l app=postgres" });
  });
});
