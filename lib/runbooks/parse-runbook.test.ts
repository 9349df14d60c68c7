import { describe, expect, it } from "vitest";
import { generateLargeRunbook } from "../../tests/support/generate-large-runbook";
import { parseRunbook } from "./parse-runbook";
import { ZParsedRunbook } from "./schemas";

describe("parseRunbook", () => {
  it("reads an alert-response heading as a route to its section", () => {
    const parsed = parseRunbook("# Ops\n\n## CRITICAL: HighRPCErrorRate\n\n1. Switch RPC provider\n");
    expect(parsed.alertRoutes).toEqual([
      {
        alert: "HighRPCErrorRate",
        runbook: "critical-highrpcerrorrate",
        severity: "critical",
        condition: null,
      },
    ]);
    expect(parsed.runbooks[0]!.steps).toEqual([{ kind: "check", text: "Switch RPC provider", ordinal: 1 }]);
  });

  it("reads severity levels written as a list", () => {
    const parsed = parseRunbook(
      "## Severity\n\n- **P1** (Critical): Immediate (<15 min)\n- **P2** — within 1 hour\n",
    );
    expect(parsed.severityLevels).toEqual([
      {
        name: "P1",
        label: "Critical",
        description: null,
        responseTime: "Immediate (<15 min)",
        responseTargetSeconds: 900,
        examples: null,
      },
      {
        name: "P2",
        label: null,
        description: null,
        responseTime: "within 1 hour",
        responseTargetSeconds: 3600,
        examples: null,
      },
    ]);
  });

  it("keeps a runbook with no sections when it has something to do, and reads a transfer", () => {
    const parsed = parseRunbook("```bash\ncast send $TREASURY --value 1ether --private-key $KEY\n```\n");
    expect(parsed.runbooks).toHaveLength(1);
    expect(parsed.actions[0]).toMatchObject({
      kind: "send",
      target: "$TREASURY",
      signature: null,
      selector: null,
      value: "1ether",
    });
    expect(parsed.actions[0]!.runbook).toBe(parsed.runbooks[0]!.anchor);
  });

  it("turns an inline cast command in a numbered step into an action", () => {
    const parsed = parseRunbook(
      '## Pause\n\n1. Pause: `cast send $X "pause()" --rpc-url $RPC`\n2. Check `kubectl get pods`\n',
    );
    expect(parsed.runbooks[0]!.steps.map((step) => step.kind)).toEqual(["check", "action", "check"]);
    expect(parsed.runbooks[0]!.steps[2]).toMatchObject({ command: "kubectl get pods" });
    expect(parsed.actions[0]).toMatchObject({
      signature: "pause()",
      selector: "0x8456cb59",
      runbook: "pause",
    });
  });

  it("makes unknown things notes and skips the table of contents", () => {
    const parsed = parseRunbook(
      "## Table of Contents\n\n1. [A](#a)\n\n## A\n\n<div>x</div>\n\n```promql\nup == 0\n```\n",
    );
    expect(parsed.runbooks.map((runbook) => runbook.anchor)).toEqual(["a"]);
    expect(parsed.runbooks[0]!.steps).toEqual([
      { kind: "note", text: "<div>x</div>" },
      { kind: "note", text: "up == 0", code: "up == 0", language: "promql" },
    ]);
  });

  it("handles empty and whitespace input", () => {
    for (const input of ["", " \n\t", "\uFEFF"]) {
      expect(parseRunbook(input)).toMatchObject({
        title: null,
        runbooks: [],
        actions: [],
        alertRoutes: [],
        templates: [],
      });
    }
  });

  it("parses the generated benchmark runbook into schema-valid output", () => {
    const markdown = generateLargeRunbook(50_000);
    expect(markdown.length).toBeGreaterThanOrEqual(50_000);
    const parsed = ZParsedRunbook.parse(parseRunbook(markdown));
    expect(parsed.actions.length).toBeGreaterThan(0);
    expect(parsed.alertRoutes.length).toBeGreaterThan(0);
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["P1", "P2", "P3", "P4"]);
  });
});
