import { describe, expect, it } from "vitest";
import { findContainmentStatement } from "./find-containment-statement";
import { parseRunbook } from "./parse-runbook";

const runbook = (prose: string) =>
  parseRunbook(
    [
      "# Protocol",
      "",
      "## Pause",
      "",
      prose,
      "",
      "```bash",
      'cast send $REGISTRY "pauseGlobal()"',
      'cast call $REGISTRY "isGloballyPaused()(bool)"',
      "# Expected: true",
      "```",
      "",
      "## Unpause",
      "",
      "```bash",
      'cast send $REGISTRY "unpauseGlobal()"',
      "```",
      "",
    ].join("\n"),
  );

describe("findContainmentStatement", () => {
  it.each([
    ["Once verified, this contains the incident.", "Once verified, this contains the incident."],
    ["Verify the pause. Then mark the incident contained.", "Then mark the incident contained."],
    ["When the read passes the incident is contained", "When the read passes the incident is contained"],
  ])("quotes the sentence that says so: %s", (prose, sentence) => {
    const parsed = runbook(prose);
    const pause = parsed.actions.findIndex((action) => action.signature === "pauseGlobal()");
    expect(findContainmentStatement(parsed, pause)).toBe(sentence);
  });

  it("says nothing for a pause whose runbook does not say it contains, or for another section", () => {
    const silent = runbook("Every contract that checks the registry stops at once. Containment comes later.");
    const pause = silent.actions.findIndex((action) => action.signature === "pauseGlobal()");
    expect(pause).toBeGreaterThanOrEqual(0);
    expect(findContainmentStatement(silent, pause)).toBeNull();
    const stated = runbook("This contains the incident.");
    const unpause = stated.actions.findIndex((action) => action.signature === "unpauseGlobal()");
    expect(findContainmentStatement(stated, unpause)).toBeNull();
    expect(findContainmentStatement(stated, 99)).toBeNull();
  });
});
