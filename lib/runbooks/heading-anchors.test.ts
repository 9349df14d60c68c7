import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRunbook } from "./parse-runbook";

/** The contract of section anchors: GitHub's, so links written against the rendered file resolve. */

function anchors(markdown: string): string[] {
  return parseRunbook(markdown).runbooks.map((section) => section.anchor);
}

describe("section anchors", () => {
  it("are GitHub's slugs: lower case, punctuation dropped, each space a hyphen", () => {
    expect(
      anchors(
        "## Incident Response — General\n\n## 2. Global Protocol Pause (Circuit Breaker)\n\n## Café & Ops!\n\n## `cast` steps\n",
      ),
    ).toEqual([
      "incident-response--general",
      "2-global-protocol-pause-circuit-breaker",
      "café--ops",
      "cast-steps",
    ]);
  });

  it("suffix repeats in document order, counting H1 and H4+ headings", () => {
    expect(anchors("# Pause\n\n## Pause\n\n#### Pause\n\n## Pause\n\n## Pause-1\n")).toEqual([
      "pause-1",
      "pause-3",
      "pause-1-1",
    ]);
  });

  it("are unique, with no spaces and no ASCII punctuation but `-` and `_`", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { maxLength: 12 }), (titles) => {
        const markdown = titles.map((title) => `## x${title.replace(/\n/g, " ")}`).join("\n\n");
        const found = anchors(markdown);
        expect(new Set(found).size).toBe(found.length);
        for (const anchor of found) expect(anchor).not.toMatch(/[\s!-,./:-@[-^`{-~]/);
      }),
      { numRuns: 200 },
    );
  });
});
