import { describe, expect, it } from "vitest";
import { parseCastCommand, parseCastCommands, resolveArgValue } from "./parse-cast-command";
import { parseDuration, parseResponseTarget, parseTimelockMention, parseWait } from "./parse-duration";
import { parseRunbook } from "./parse-runbook";

/** One rule per test, each with a small runbook written for it (issue 16). */

function steps(markdown: string) {
  return parseRunbook(markdown).runbooks.flatMap((section) => section.steps);
}

describe("severity response targets", () => {
  it("reads a target from a level heading, and from a **Response Time** line under it", () => {
    const parsed = parseRunbook(
      "## Levels\n\n#### P1 (High) - Response within 1 hour\n\nOutage.\n\n#### P2 (Medium)\n\n**Response Time**: 3 business days  \n**Update cadence**: every 4 hours\n\n- **Response target:** x\n\n## Other\n\n**Response Time**: 5 minutes\n",
    );
    expect(parsed.severityLevels).toMatchObject([
      { name: "P1", label: "High", responseTime: "Response within 1 hour", responseTargetSeconds: 3600 },
      { name: "P2", label: "Medium", responseTime: "3 business days", responseTargetSeconds: 259_200 },
    ]);
  });

  it("never takes an update cadence for the response target", () => {
    expect(parseResponseTarget("Updates every 30 min")).toBeNull();
    expect(parseResponseTarget("Respond within 15 min, updates every 30 min")).toBe(900);
  });
});

describe("waits", () => {
  it("reads durations in prose", () => {
    expect(parseWait("Wait half an hour")).toBe(1800);
    expect(parseWait("Queue it, wait 60 s, then execute")).toBe(60);
    expect(parseWait("After 48 hours")).toBe(172_800);
    expect(parseDuration("an hour")).toBe(3600);
    expect(parseTimelockMention("Schedule through timelock (6 hour emergency delay)")).toBe(21_600);
    expect(parseTimelockMention("(48 hour delay - coordinate with team)")).toBe(172_800);
  });

  it("reads a bold numbered wait as a step, and a checklist wait as a checkable step with its duration", () => {
    expect(
      steps("## Upgrade\n\n**5. Wait for Transition Period (7 days)**\n\n- [ ] Wait 24 hours\n"),
    ).toEqual([
      { kind: "wait", text: "5. Wait for Transition Period (7 days)", durationSeconds: 604_800, ordinal: 5 },
      { kind: "check", text: "Wait 24 hours", checked: false, durationSeconds: 86_400 },
    ]);
  });

  it("puts a delay stated by comments around a timelocked call between the calls it separates", () => {
    const found = steps(
      '## Timelock\n\n```bash\ncast send $TL "schedule(bytes32)" $ID # starts the 48 hour delay\n# After 48 hours\ncast send $TL "execute(bytes32)" $ID\n```\n',
    );
    // The same delay stated twice (after the first call, before the second) is one wait, or it would read
    // as 96 hours.
    expect(found.map((step) => [step.kind, "durationSeconds" in step ? step.durationSeconds : null])).toEqual(
      [
        ["action", null],
        ["wait", 172_800],
        ["action", null],
      ],
    );
  });
});

describe("numbered steps and expected values", () => {
  it("reads a bold numbered line as a numbered step", () => {
    expect(steps("## Rollback\n\n**1. Identify Previous Implementation**\n")).toEqual([
      { kind: "check", text: "1. Identify Previous Implementation", ordinal: 1 },
    ]);
  });

  it("reads # expect X and # Should return: X after a call", () => {
    const parsed = parseRunbook(
      '## Check\n\n```bash\ncast call $P "paused()(bool)"\n# expect true\ncast call $P "owner()(address)"\n# Should return: 0xabc\ncast call $P "x()(uint256)"\n# Expect a short pause while it syncs\n```\n',
    );
    expect(parsed.actions.map((action) => action.expect)).toEqual(["true", "0xabc", null]);
  });

  it("reads // comments and a comment after the call on its own line as the expected value", () => {
    const parsed = parseRunbook(
      '## Check\n\n```bash\ncast call $P "paused()(bool)"\n// Should return true\ncast call $P "paused()(bool)"  // Should return true\ncast call $P "owner()(address)" # Returns: 0xabc\ncast call $P "cap()(uint256)" # read the cap\n```\n',
    );
    expect(parsed.actions.map((action) => [action.expect, action.args])).toEqual([
      ["true", []],
      ["true", []],
      ["0xabc", []],
      [null, []],
    ]);
    expect(parsed.runbooks[0]!.steps.map((step) => step.kind)).toEqual([
      "verify",
      "verify",
      "verify",
      "verify",
    ]);
  });
});

describe("cast commands", () => {
  it("keeps values of --gas, --access-list and other flags out of the arguments", () => {
    expect(
      parseCastCommand(
        'cast send $T "setCap(uint256)" 5 --gas 300000 --access-list [] --priority-gas-price 2',
      ),
    ).toMatchObject({ args: ["5"] });
  });

  it("reads a bare function name and raw calldata as calls, not transfers", () => {
    expect(parseCastCommand("cast send $T pause")?.canonical?.signature).toBe("pause()");
    const raw = parseRunbook("## P\n\n```bash\ncast send $T 0x8456cb59 --rpc-url $RPC\n```\n").actions[0];
    expect(raw).toMatchObject({ signature: null, selector: "0x8456cb59", calldata: "0x8456cb59", args: [] });
  });

  it("keeps every cast in a && list and the call inside ID=$(...)", () => {
    expect(
      parseCastCommands('cast send $T "pause()" && cast call $T "paused()(bool)" | jq .').map(
        (cast) => cast.kind,
      ),
    ).toEqual(["send", "call"]);
    const found = steps(
      '## Ids\n\n```\nID=$(cast call $Q "nextId()(uint256)")\ncast send $Q "run(uint256)" $ID\n```\n',
    );
    expect(found.map((step) => step.kind)).toEqual(["verify", "action"]);
  });

  it("does not take the Unicode ellipsis for a value, and reads just commands as shell", () => {
    expect(resolveArgValue("0x12…ab", new Map())).toBeNull();
    expect(steps("## J\n\n```\njust pause-all\n```\n")[0]).toMatchObject({
      kind: "command",
      command: "just pause-all",
    });
  });
});

describe("templates", () => {
  it("reads a block after a **Communication:** label as a template named by its heading, checklist and all", () => {
    const parsed = parseRunbook(
      "## Oracle Failure\n\n### Status page\n\n**Communication:**\n\n```markdown\nWe are investigating.\n- [ ] Oracle paused\n```\n",
    );
    expect(parsed.templates).toEqual([
      { name: "Status page", runbook: "status-page", body: "We are investigating.\n- [ ] Oracle paused" },
    ]);
    expect(parsed.runbooks.flatMap((section) => section.steps).some((step) => step.kind === "check")).toBe(
      false,
    );
  });
});

describe("checklists with nested lists", () => {
  it("never leaks a nested item or its checkbox into the parent's text", () => {
    // Loose (blank lines between items: marked leaves `[ ]` in the paragraph) and over-indented (the nested
    // list is continuation text for CommonMark) lists, beside a nested list marked does read.
    const found = steps(
      "## Plan\n\n- [ ] **Week 1:**\n\n  - [ ] Audit\n\n- [x] **Week 2:** rollout\n      - [ ] Deploy\n        to all regions\n      - Announce\n- [ ] **Week 3:**\n  - [ ] Review\n",
    );
    expect(found).toEqual([
      { kind: "check", text: "**Week 1:**", checked: false },
      { kind: "check", text: "Audit", checked: false },
      { kind: "check", text: "**Week 2:** rollout", checked: true },
      { kind: "check", text: "Deploy\nto all regions", checked: false },
      { kind: "note", text: "Announce" },
      { kind: "check", text: "**Week 3:**", checked: false },
      { kind: "check", text: "Review", checked: false },
    ]);
  });
});
