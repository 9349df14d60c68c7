import { describe, expect, it } from "vitest";
import { readFixtureRunbook, sectionOf } from "../../tests/support/runbook-fixtures";
import { parseRunbook } from "./index";

// tests/fixtures/runbooks/readiness-checklists.md: nested checklists written the ways that leave list lines
// in an item's text, and expected values of reads written as `#`/`//` comments below or beside the call.
describe("a readiness runbook with nested checklists and commented reads", () => {
  const parsed = parseRunbook(readFixtureRunbook("readiness-checklists.md"));

  it("reads every nested checklist item as its own item, and no parent carries a child's text", () => {
    const steps = sectionOf(parsed, "1-migration-plan").steps;
    expect(steps.map((step) => [step.text, step.kind === "check" ? step.checked : null])).toEqual([
      ["**Week 1:**", false],
      ["Freeze new deposits on the old bridge", false],
      ["Snapshot balances", false],
      ["**Week 2:** move liquidity", true],
      ["Move the first 10 % and watch for a day", false],
      ["Move the rest", false],
      ["**Week 3:**", false],
      ["Retire the old relayers", false],
    ]);
    expect(steps.some((step) => /\[[ x]\]|\n/.test(step.text))).toBe(false);
  });

  it("takes each read's expected value from the comment below it or after it on its line", () => {
    expect(parsed.actions.map((action) => [action.signature, action.expect])).toEqual([
      ["paused()", "true"],
      ["paused()", "false"],
      ["owner()", "$GUARDIAN_SAFE"],
      ["dailyLimit()", "1000000"],
      ["relayerCount()", null],
    ]);
    expect(parsed.actions.every((action) => action.args.length === 0)).toBe(true);
  });
});
