import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFLICT_MARKERS, mergeTexts } from "./merge-texts";

const BASE = ["# PM", "", "## Root cause", "", "TBD", "", "## Impact", "", "TBD", ""].join("\n");

describe("mergeTexts", () => {
  it("takes both people's edits when they touched different sections", () => {
    const mine = BASE.replace("## Root cause\n\nTBD", "## Root cause\n\nA stale oracle.");
    const theirs = BASE.replace("## Impact\n\nTBD", "## Impact\n\n12 users.");
    const result = mergeTexts(BASE, mine, theirs);
    expect(result.hasConflicts).toBe(false);
    expect(result.text).toContain("A stale oracle.");
    expect(result.text).toContain("12 users.");
  });

  it("keeps both versions between markers when both changed the same lines", () => {
    const mine = BASE.replace("## Root cause\n\nTBD", "## Root cause\n\nMine.");
    const theirs = BASE.replace("## Root cause\n\nTBD", "## Root cause\n\nTheirs.");
    const result = mergeTexts(BASE, mine, theirs);
    expect(result.hasConflicts).toBe(true);
    expect(result.text).toContain(`${CONFLICT_MARKERS.mine}\nMine.\n${CONFLICT_MARKERS.divider}\nTheirs.\n`);
  });

  it("handles appends at the end from both sides", () => {
    const result = mergeTexts("a\nb", "a\nb\nmine", "a\nb\ntheirs");
    expect(result.hasConflicts).toBe(true);
    expect(result.text).toContain("mine");
    expect(result.text).toContain("theirs");
  });

  it("never loses a line either side added (property)", () => {
    const line = fc.constantFrom("a", "b", "c", "d", "");
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.array(line, { maxLength: 12 }),
        fc.array(line, { maxLength: 12 }),
        (baseLines, mineLines, theirLines) => {
          const [base, mine, theirs] = [baseLines, mineLines, theirLines].map((lines) =>
            lines.join("\n"),
          ) as [string, string, string];
          const result = mergeTexts(base, mine, theirs);
          if (!result.hasConflicts) {
            if (mine === base) expect(result.text).toBe(theirs);
            if (theirs === base) expect(result.text).toBe(mine);
          }
          // Every line either side added appears in the merge at least as often as it was added there.
          const merged = result.text.split("\n");
          const count = (lines: string[], value: string) => lines.filter((l) => l === value).length;
          for (const side of [mine, theirs]) {
            const lines = side.split("\n");
            for (const value of new Set(lines)) {
              const added = count(lines, value) - count(base.split("\n"), value);
              if (added > 0) expect(count(merged, value)).toBeGreaterThanOrEqual(added);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
