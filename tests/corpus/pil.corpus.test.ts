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

  it("finds the two cast calls of the appendix, and EP-001's two sends written without cast", () => {
    expect(countActions(parsed.actions)).toEqual({ sends: 2, calls: 2 });
    const cast = parsed.actions.filter((action) => action.isInferred !== true);
    expect(cast).toHaveLength(2);
    expect(cast[0]).toMatchObject({
      signature: "isPaused()",
      returns: ["bool"],
      runbook: "useful-commands",
    });
    expect(cast[1]).toMatchObject({
      signature: "hasRole(bytes32,address)",
      selector: "0x91d14854",
      returns: ["bool"],
      args: ["$ADMIN_ROLE", "$ADDRESS"],
    });
  });

  it("reads EP-001's multi-sig comment and its ethers script as inferred sends", () => {
    // "# Execute pauseAll() on Orchestrator" under "# Manual via multi-sig", and the script's
    // `orchestrator.pause()` on the contract bound over three lines by getContractAt(..., process.env.ORCHESTRATOR_ADDRESS).
    const inferred = parsed.actions.filter((action) => action.isInferred === true);
    expect(inferred).toEqual([
      expect.objectContaining({
        kind: "send",
        signature: "pauseAll()",
        target: "<Orchestrator>",
        args: [],
        runbook: "ep-001-emergency-pause",
        isInferred: true,
      }),
      expect.objectContaining({
        kind: "send",
        signature: "pause()",
        selector: "0x8456cb59",
        target: "$ORCHESTRATOR_ADDRESS",
        args: [],
        runbook: "ep-001-emergency-pause",
        isInferred: true,
      }),
    ]);
    const pause = sectionOf(parsed, "ep-001-emergency-pause").steps;
    expect(pause.filter((step) => step.kind === "action").map((step) => step.text)).toEqual([
      "Execute pauseAll() on Orchestrator",
      "const tx = await orchestrator.pause();",
    ]);
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
