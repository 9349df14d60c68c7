import { describe, expect, it } from "vitest";
import { parseRunbook } from "../../lib/runbooks";
import { countActions, sectionOf, tocAnchors } from "../support/runbook-fixtures";
import { readCorpusRunbook } from "./read-corpus-runbook";

// Every figure below was counted by hand from the real file (npm run test:corpus -- DIR), not copied from parser output.
describe("pil.md", () => {
  const markdown = readCorpusRunbook("pil.md");
  const parsed = parseRunbook(markdown);

  it("reads title and sections", () => {
    expect(parsed.title).toBe("PIL Operations Runbook");
    expect(parsed.runbooks).toHaveLength(8 + 24);
    expect(parsed.runbooks.map((runbook) => runbook.anchor)).toEqual(
      expect.arrayContaining(tocAnchors(markdown)),
    );
    expect(tocAnchors(markdown)).toHaveLength(6);
    expect(sectionOf(parsed, "ep-001-emergency-pause").when).toBe(
      "Active exploit, critical vulnerability discovered",
    );
  });

  it("finds P0..P3 with response targets", () => {
    expect(parsed.severityLevels.map((level) => level.name)).toEqual(["P0", "P1", "P2", "P3"]);
    expect(parsed.severityLevels.map((level) => level.responseTargetSeconds)).toEqual([
      900, 1800, 7200, 86400,
    ]);
  });

  it("finds the two cast calls of the appendix and no sends", () => {
    expect(countActions(parsed.actions)).toEqual({ sends: 0, calls: 2 });
    expect(parsed.actions[0]).toMatchObject({
      signature: "isPaused()",
      returns: ["bool"],
      runbook: "useful-commands",
    });
    expect(parsed.actions[1]).toMatchObject({
      signature: "hasRole(bytes32,address)",
      selector: "0x91d14854",
      returns: ["bool"],
      args: ["$ADMIN_ROLE", "$ADDRESS"],
    });
  });

  it("finds two templates, the fenced checklist and hardhat command steps", () => {
    expect(parsed.templates.map((template) => [template.name, template.runbook])).toEqual([
      ["Status Page Update", "communication-templates"],
      ["Resolution Notice", "communication-templates"],
    ]);
    expect(parsed.alertRoutes).toEqual([]);
    const checklist = sectionOf(parsed, "incident-response-checklist").steps.filter(
      (step) => step.kind === "check",
    );
    expect(checklist).toHaveLength(7);
    const pause = sectionOf(parsed, "ep-001-emergency-pause").steps;
    expect(pause).toContainEqual(
      expect.objectContaining({
        kind: "command",
        command: "npx hardhat run scripts/emergency-pause.js --network mainnet",
      }),
    );
  });
});
