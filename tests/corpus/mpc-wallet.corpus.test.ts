import { describe, expect, it } from "vitest";
import { parseRunbook } from "../../lib/runbooks";
import { sectionOf, tocAnchors } from "../support/runbook-fixtures";
import { readCorpusRunbook } from "./read-corpus-runbook";

// Every figure below was counted by hand from the real file (npm run test:corpus -- DIR), not copied from parser output.
describe("mpc-wallet.md", () => {
  const markdown = readCorpusRunbook("mpc-wallet.md");
  const parsed = parseRunbook(markdown);

  it("reads title, sections and no contract actions", () => {
    expect(parsed.title).toBe("Operator Runbook");
    expect(parsed.isMojibakeRepaired).toBe(false);
    expect(parsed.runbooks).toHaveLength(8 + 28);
    expect(parsed.actions).toHaveLength(0);
    expect(parsed.templates).toHaveLength(0);
    // The file's TOC also links #certificate-management, a section the file does not have.
    const anchors = parsed.runbooks.map((runbook) => runbook.anchor);
    const linked = tocAnchors(markdown).filter((anchor) => anchor !== "certificate-management");
    expect(linked).toHaveLength(8);
    expect(anchors).toEqual(expect.arrayContaining(linked));
  });

  it("finds SEV1..SEV4; a bare 'Immediate' has no derivable target", () => {
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      null,
      900,
      3600,
      14400,
    ]);
    expect(sectionOf(parsed, "sev1-critical-outage").severity).toBe("SEV1");
  });

  // 6 critical + 5 warning table rows, and three "- Alert: ..." symptom lines: PresignaturePoolDepleted
  // (a table alert, now routed to its issue), ByzantineViolationDetected, and "Certificate expires in <30 days",
  // a condition that names its alert and routes to its issue.
  it("routes the 11 table alerts, the 'Alert: X fires' symptom and the certificate-expiry symptom", () => {
    expect(parsed.alertRoutes).toHaveLength(13);
    const route = (alert: string) => parsed.alertRoutes.find((candidate) => candidate.alert === alert);
    expect(route("MPCNodeDown")).toMatchObject({ runbook: "alert-thresholds", severity: "critical" });
    expect(route("TLSHandshakeFailures")).toMatchObject({ runbook: "alert-thresholds", severity: "warning" });
    expect(route("PresignaturePoolDepleted")).toMatchObject({
      runbook: "issue-presignature-pool-depleted",
      severity: "critical",
    });
    expect(route("ByzantineViolationDetected")).toMatchObject({
      runbook: "issue-byzantine-violation-detected",
    });
    expect(route("Certificate expires in <30 days")).toEqual({
      alert: "Certificate expires in <30 days",
      runbook: "issue-certificate-expiring",
      severity: null,
      condition: "Certificate expires in <30 days",
    });
  });

  it("keeps multi-line shell (loops, quoted SQL, pasted JSON) as single steps", () => {
    const morning = sectionOf(parsed, "morning-health-check-15-minutes").steps;
    const curl = morning.find(
      (step) => step.kind === "command" && step.command === "curl http://localhost:8080/health",
    );
    expect(curl).toMatchObject({ expect: expect.stringContaining('"status": "healthy"') });
    const loop = morning.find((step) => step.kind === "command" && step.command.startsWith("for port in"));
    expect(loop?.text.endsWith("done")).toBe(true);
    const sql = morning.find(
      (step) => step.kind === "command" && step.command.includes("SELECT state, COUNT(*)"),
    );
    expect(sql?.text.endsWith('"')).toBe(true);
    const wait = sectionOf(parsed, "issue-node-not-responding").steps.find((step) => step.kind === "wait");
    expect(wait).toMatchObject({
      durationSeconds: 30,
      command: "sleep 30",
      text: "Wait 30 seconds for startup",
    });
  });

  it("counts the post-incident review's 6 numbered steps and 4 checkboxes", () => {
    const steps = sectionOf(parsed, "post-incident-review").steps;
    expect(steps.filter((step) => step.kind === "check" && step.ordinal !== undefined)).toHaveLength(6);
    expect(steps.filter((step) => step.kind === "check" && step.checked === false)).toHaveLength(4);
  });
});
