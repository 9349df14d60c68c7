import { describe, expect, it } from "vitest";
import { readFixtureRunbook } from "../../tests/support/runbook-fixtures";
import { parseRunbook } from "./index";
import { parseAlertLine, parseAlertTable } from "./parse-alert-table";

// tests/fixtures/runbooks/alert-routing-letters.md: alert tables whose alert column is "Scenario"/"Trigger"
// and whose section column names a section by letter, number, title or link; conditions in table columns,
// `**Alert:**` lines and a `**Fires when:**` field.
describe("a runbook whose alert table refers to sections by letter, number, title or link", () => {
  const parsed = parseRunbook(readFixtureRunbook("alert-routing-letters.md"));
  const route = (alert: string) => parsed.alertRoutes.find((candidate) => candidate.alert === alert);

  it("reads alert names out of 'Scenario' and 'Trigger' cells, and skips rows that name no alert", () => {
    expect(parsed.alertRoutes.map((candidate) => candidate.alert)).toEqual([
      "LowGasBalance",
      "SponsorQuotaExceeded",
      "BundlerDown",
      "EntryPointRevertSpike",
      "SignerKeyExpiring",
      "OracleHeartbeatMissed",
      "PaymasterPaused",
      "RPC error rate > 10% for 2+ minutes",
    ]);
  });

  it("resolves a letter, 'Section B', a number, a link, and a title without its letter", () => {
    expect(route("LowGasBalance")?.runbook).toBe("a-deposit-top-up");
    expect(route("SponsorQuotaExceeded")?.runbook).toBe("b-sponsor-quotas");
    expect(route("BundlerDown")?.runbook).toBe("3-bundler-outage");
    expect(route("EntryPointRevertSpike")?.runbook).toBe("d-entrypoint-reverts");
    expect(route("SignerKeyExpiring")?.runbook).toBe("e-key-rotation");
    expect(route("PaymasterPaused")?.runbook).toBe("d-entrypoint-reverts");
    // A link into another file is not a section of this one: the alert stays with its table.
    expect(route("OracleHeartbeatMissed")?.runbook).toBe("chain-side-alarms");
  });

  it("keeps conditions from 'Fires when' and 'Condition' columns, **Alert:** lines and **Fires when:** fields", () => {
    expect(route("LowGasBalance")?.condition).toBe("paymaster deposit < 0.5 ETH");
    expect(route("PaymasterPaused")?.condition).toBe("paused() returns true");
    // The table leaves these empty; the section each alert routes to states it.
    expect(route("BundlerDown")?.condition).toBe("no bundle included for 5+ minutes");
    expect(route("SignerKeyExpiring")?.condition).toBe("the signer certificate expires within 7 days");
    // A section no alert answers: its **Alert:** line's condition is the alert's only name.
    expect(route("RPC error rate > 10% for 2+ minutes")).toEqual({
      alert: "RPC error rate > 10% for 2+ minutes",
      runbook: "f-rpc-degraded",
      severity: null,
      condition: "RPC error rate > 10% for 2+ minutes",
    });
  });
});

describe("alert lines and tables", () => {
  it("reads a name, a name with its condition, or a condition alone; prose is none of them", () => {
    expect(parseAlertLine("Alert: NodeDown fires")).toEqual({ alert: "NodeDown", condition: null });
    expect(parseAlertLine("Alert: HighRPCErrorRate (error rate > 10%)")).toEqual({
      alert: "HighRPCErrorRate",
      condition: "error rate > 10%",
    });
    expect(parseAlertLine("Alert: NodeDown fires when the node misses 3 blocks")).toEqual({
      alert: "NodeDown",
      condition: "the node misses 3 blocks",
    });
    expect(parseAlertLine("Alert: RPC error rate > 10% for 2+ minutes")).toEqual({
      alert: null,
      condition: "RPC error rate > 10% for 2+ minutes",
    });
    expect(parseAlertLine("Alert: the on-call engineer")).toBeNull();
  });

  it("takes a 'Trigger' column of prose as the condition, not the alert", () => {
    expect(
      parseAlertTable(["Alert", "Trigger", "Section"], [["NodeDown", "no blocks for 1 min", "2"]]),
    ).toEqual([
      {
        alert: "NodeDown",
        runbookRef: "2",
        isExplicit: false,
        severity: null,
        condition: "no blocks for 1 min",
      },
    ]);
    expect(parseAlertTable(["Scenario", "Section"], [["Oracle is late", "A"]])).toBeNull();
  });
});
