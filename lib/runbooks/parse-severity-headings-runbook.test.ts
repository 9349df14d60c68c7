import { describe, expect, it } from "vitest";
import { readFixtureRunbook, sectionOf, tocAnchors } from "../../tests/support/runbook-fixtures";
import { parseRunbook } from "./index";

// tests/fixtures/runbooks/severity-headings.md: an operator runbook that writes severity levels as headings
// ("### SEV1: Chain Halted", "### SEV3 - Single Batcher Down") beside a table, with multi-line shell (a loop,
// quoted SQL, pasted JSON output) and no contract calls to send. Every figure was counted by hand.
describe("a runbook with severity levels as headings", () => {
  const markdown = readFixtureRunbook("severity-headings.md");
  const parsed = parseRunbook(markdown);

  it("reads 3 H2 and 7 H3 sections; one TOC link points at a section the file does not have", () => {
    expect(parsed.title).toBe("Sequencer Operator Runbook");
    expect(parsed.isMojibakeRepaired).toBe(false);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 2)).toHaveLength(3);
    expect(parsed.runbooks.filter((runbook) => runbook.level === 3)).toHaveLength(7);
    const anchors = parsed.runbooks.map((runbook) => runbook.anchor);
    expect(tocAnchors(markdown)).toHaveLength(4);
    expect(anchors).not.toContain("log-retention");
    expect(anchors).toEqual(
      expect.arrayContaining(tocAnchors(markdown).filter((anchor) => anchor !== "log-retention")),
    );
    expect(parsed.actions).toEqual([]);
    expect(parsed.templates).toEqual([]);
    expect(parsed.alertRoutes).toEqual([]);
  });

  it("finds SEV1..SEV3; each heading section carries its level; a bare 'Immediate' has no target", () => {
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["SEV1", "SEV2", "SEV3"]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([null, 1800, 7200]);
    expect(parsed.severityLevels[0]).toMatchObject({
      description: "Chain halted",
      responseTime: "Immediate",
    });
    expect(sectionOf(parsed, "sev1-chain-halted").severity).toBe("SEV1");
    expect(sectionOf(parsed, "sev2-batches-delayed").severity).toBe("SEV2");
    expect(sectionOf(parsed, "sev3---single-batcher-down").severity).toBe("SEV3");
  });

  it("keeps multi-line shell (pasted JSON, a loop, quoted SQL) as single steps", () => {
    const steps = sectionOf(parsed, "morning-checks-10-minutes").steps;
    expect(steps.map((step) => step.kind)).toEqual(["command", "command", "command"]);
    expect(steps[0]).toMatchObject({
      command: "curl http://localhost:9545/health",
      expect: expect.stringContaining('"l1_synced": true'),
    });
    expect(steps[1]!.kind === "command" && steps[1]!.command.startsWith("for port in 7300")).toBe(true);
    expect(steps[1]!.text.endsWith("done")).toBe(true);
    expect(steps[2]!.kind === "command" && steps[2]!.command.includes("GROUP BY status;")).toBe(true);
    expect(steps[2]!.text.endsWith('"')).toBe(true);
  });

  it("numbered comments are steps, and a comment with a sleep is one wait", () => {
    const steps = sectionOf(parsed, "issue-sequencer-not-producing-blocks").steps;
    expect(steps.filter((step) => step.kind === "check").map((step) => step.ordinal)).toEqual([1, 2]);
    expect(steps.find((step) => step.kind === "wait")).toMatchObject({
      durationSeconds: 20,
      command: "sleep 20",
      text: "Wait 20 seconds for the node to rejoin",
    });
  });

  it("counts the review's 3 numbered steps and 2 checkboxes", () => {
    const steps = sectionOf(parsed, "post-incident-review").steps;
    expect(steps.filter((step) => step.kind === "check" && step.ordinal !== undefined)).toHaveLength(3);
    expect(steps.filter((step) => step.kind === "check" && step.checked === false)).toHaveLength(2);
  });
});
