import { describe, expect, it } from "vitest";
import { countActions, readFixtureRunbook, sectionOf } from "../../tests/support/runbook-fixtures";
import { parseRunbook } from "./index";

// tests/fixtures/runbooks/alert-response.md: alert tables under "Critical Alerts"/"Warning Alerts" headings
// (severity as words), alert-response sections ("Alert: X fires" symptoms, a "CRITICAL: X" heading), a
// P0..P3 scheme, a fenced checklist, status-page templates and hardhat commands. Counted by hand.
describe("a runbook with alert-response sections", () => {
  const markdown = readFixtureRunbook("alert-response.md");
  const parsed = parseRunbook(markdown);

  it("reads 4 H2 and 7 H3 sections and the P0..P3 scheme", () => {
    expect(parsed.title).toBe("Relayer Network Runbook");
    expect(parsed.runbooks.filter((runbook) => runbook.level === 2)).toHaveLength(4);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 3)).toHaveLength(7);
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["P0", "P1", "P2", "P3"]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      900, 1800, 7200, 86400,
    ]);
  });

  it("routes table alerts to their table, and explicit alert sections to themselves", () => {
    const route = (alert: string) => parsed.alertRoutes.find((candidate) => candidate.alert === alert);
    expect(parsed.alertRoutes).toHaveLength(6);
    expect(route("RelayerFleetDown")).toMatchObject({
      runbook: "critical-alerts-page-on-call",
      severity: "critical",
      condition: "0 relayers healthy for 2 min",
    });
    expect(route("FeeEstimateDrift")).toMatchObject({
      runbook: "warning-alerts-investigate-within-1-hour",
      severity: "warning",
    });
    // "Alert: RelayerBalanceLow fires" in a section beats the table; the table's severity word stays.
    expect(route("RelayerBalanceLow")).toMatchObject({
      runbook: "issue-relayer-out-of-gas",
      severity: "warning",
    });
    expect(route("ProofVerificationFailed")).toMatchObject({
      runbook: "critical-proofverificationfailed",
      severity: "critical",
    });
    expect(route("MessageStuck")).toMatchObject({ runbook: "issue-stuck-message", severity: null });
  });

  it("finds the fenced checklist, one read, hardhat commands and a wait", () => {
    expect(
      sectionOf(parsed, "incident-checklist").steps.filter((step) => step.kind === "check"),
    ).toHaveLength(4);
    expect(countActions(parsed.actions)).toEqual({ sends: 0, calls: 1 });
    expect(parsed.actions[0]).toMatchObject({ signature: "isPaused()", returns: ["bool"] });
    expect(sectionOf(parsed, "issue-stuck-message").steps).toContainEqual(
      expect.objectContaining({
        kind: "command",
        command: "npx hardhat run scripts/retry-message.js --network mainnet --id <MESSAGE_ID>",
      }),
    );
    expect(sectionOf(parsed, "critical-proofverificationfailed").steps.at(-1)).toMatchObject({
      kind: "wait",
      durationSeconds: 300,
      ordinal: 3,
    });
  });

  it("names the templates after their H4 headings", () => {
    expect(parsed.templates.map((template) => [template.name, template.runbook])).toEqual([
      ["Status Page Update", "status-templates"],
      ["Resolution Notice", "status-templates"],
    ]);
    expect(parsed.templates[1]!.body.startsWith("[RESOLVED] Messages on [route]")).toBe(true);
  });
});
