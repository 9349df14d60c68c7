import { describe, expect, it } from "vitest";
import { canonicalizeSignature, MAX_TUPLE_DEPTH } from "./canonical-signature";
import { capMarkdownNesting, MAX_MARKERS } from "./cap-markdown-nesting";
import { indentLazyListLines } from "./indent-lazy-list-lines";
import { inlineText, stripInlineMarkdown } from "./inline-text";
import { parseRunbook } from "./parse-runbook";
import { ZParsedRunbook } from "./schemas";

/**
 * The inputs that crashed or stalled the parser (issue 16), at the sizes that did it. These check what
 * comes out; how long parsing takes is measured by the property tests' budget and by `npm run bench`.
 */

function stepTexts(markdown: string): string[] {
  return parseRunbook(markdown).runbooks.flatMap((section) => section.steps.map((step) => step.text));
}

describe("nesting is bounded", () => {
  it("reads 1,900 nested `>` on one line, keeping the text and saying it was too deep", () => {
    const parsed = ZParsedRunbook.parse(parseRunbook(`## Deep\n\n${">".repeat(1_900)} Wait 5 minutes\n`));
    expect(parsed.runbooks[0]!.steps).toContainEqual({
      kind: "wait",
      text: "Wait 5 minutes",
      durationSeconds: 300,
    });
    expect(parsed.warnings).toEqual([
      `line 3: nested more than ${MAX_MARKERS} levels deep; read at that depth`,
    ]);
  });

  it("reads a list nested 2,000 levels deep with every item's text", () => {
    const lines = Array.from({ length: 2_000 }, (_, depth) => `${"  ".repeat(depth)}- item ${depth}`);
    const texts = stepTexts(`## Deep\n\n${lines.join("\n")}\n`).join("\n");
    expect(texts).toContain("item 0");
    expect(texts).toContain("item 1999");
  });

  it("caps markers on one line and leaves ordinary nesting alone", () => {
    expect(capMarkdownNesting("> - > - 1. text").text).toBe("> - > - 1. text");
    const deep = `${"- ".repeat(40)}text`;
    const capped = capMarkdownNesting(deep);
    expect(capped.cappedLines).toEqual([1]);
    expect(capped.text).toBe(`${"- ".repeat(MAX_MARKERS)}text`);
  });

  it("refuses a signature nested deeper than the tuple limit instead of overflowing", () => {
    const nested = (depth: number) => `f(${"(".repeat(depth)}uint256${")".repeat(depth)})`;
    expect(canonicalizeSignature(nested(MAX_TUPLE_DEPTH))?.signature).toBe(nested(MAX_TUPLE_DEPTH));
    expect(canonicalizeSignature(nested(MAX_TUPLE_DEPTH + 1))).toBeNull();
    expect(canonicalizeSignature(nested(2_000))).toBeNull();
    const parsed = parseRunbook(`## A\n\n\`\`\`bash\ncast send $T "${nested(2_000)}" 1\n\`\`\`\n`);
    expect(parsed.actions[0]).toMatchObject({ target: "$T", signature: null, selector: null });
  });
});

describe("long runs of one delimiter", () => {
  it("keeps a 200 KB line of `[` as text", () => {
    const line = "[".repeat(200_000);
    expect(stripInlineMarkdown(line)).toBe(line);
    expect(inlineText(line)).toBe(line);
    expect(stepTexts(`## A\n\n- ${line}\n`)[0]).toBe(line);
  });

  it("still strips links, code and emphasis", () => {
    expect(stripInlineMarkdown("[Pause](#pause) `cast` **now** *fast*")).toBe("Pause cast now fast");
    expect(inlineText("**P1** — [`Pause`](#pause) &amp; <b>x</b> \\* a_b_c ~~old~~ <https://x.io>")).toBe(
      "P1 — Pause &amp; x * a_b_c old https://x.io",
    );
    expect(inlineText("`` a ` b `` and `unclosed")).toBe("a ` b and `unclosed");
  });
});

describe("list items with many lazy lines", () => {
  it("indents lazy lines only after a run, and never a line that ends the item", () => {
    const lines = ["- first", ...Array.from({ length: 10 }, (_, index) => `lazy ${index}`), "# Heading"];
    expect(indentLazyListLines(lines)).toBe(2);
    expect(lines.slice(8, 11)).toEqual(["lazy 7", "  lazy 8", "  lazy 9"]);
    expect(lines.at(-1)).toBe("# Heading");
  });

  it("reads an item of 20,000 lazy lines as one item with all its text", () => {
    const markdown = `## A\n\n- [ ] first\n${"more text\n".repeat(20_000)}\n- [ ] second\n`;
    const steps = parseRunbook(markdown).runbooks[0]!.steps;
    expect(steps.map((step) => step.kind)).toEqual(["check", "check"]);
    expect(steps[0]!.text.split("\n")).toHaveLength(20_001);
  });
});
