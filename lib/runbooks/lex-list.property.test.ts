import fc from "fast-check";
import { type Lexer, Tokenizer } from "marked";
import { describe, expect, it } from "vitest";
import { type BoundedTokenizer, createMarkdownLexer } from "./create-markdown-lexer";

/**
 * lex-list.ts is a port of marked's list rule for speed: on list-shaped Markdown (bullets of every kind
 * and indentation, tabs, task boxes, blank and lazy lines, nested lists, blocks that end an item) it must
 * give the same tokens, and queue the same inline text, as marked's own rule in the same lexer.
 */

function withMarkedLists(): Lexer {
  const lexer = createMarkdownLexer();
  // An own property hides the override on the class: this lexer reads each list with marked's rule (and
  // joins adjacent bullet lists as the other does).
  (lexer.options.tokenizer as BoundedTokenizer).readList = Tokenizer.prototype.list;
  return lexer;
}

function lexed(lexer: Lexer, markdown: string): string {
  return JSON.stringify([lexer.blockTokens(markdown), lexer.inlineQueue]);
}

const indent = fc.constantFrom("", " ", "  ", "   ", "    ", "\t", " \t", "      ", "        ");
const marker = fc.constantFrom("-", "-", "*", "+", "1.", "2)", "10.", "1)");
const gap = fc.constantFrom(" ", " ", "  ", "     ", "\t", "", " \t");
const content = fc.constantFrom(
  "a",
  "Zed",
  "[ ] a",
  "[x] b",
  "[X] z",
  "[ ]",
  "[x]: /u",
  "[ ]: x",
  "**Week 1:**",
  "**b**",
  "** a",
  "***",
  "",
  "# h",
  "```",
  "> q",
  "---",
  "<div>",
  "    code",
  "- nested",
  "1. n",
  "text  ",
  "[ ] **W:**",
  "\ta",
  "- [ ] c",
  "=",
  "a\tb",
);
const otherLine = fc.constantFrom(
  "",
  "",
  "   ",
  "lazy",
  "  indented",
  "    deep",
  "===",
  "---",
  "```",
  "~~~",
  "# h",
  "> q",
  "<!-- c -->",
  "\tx",
  " \t y",
  "| a |",
  "|---|",
  "[x]: /u",
  "  - [ ] child",
  "      - [ ] over",
  "text",
);
const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(indent, marker, gap, content).map((parts) => parts.join("")) },
  { weight: 2, arbitrary: otherLine },
);
const listMarkdown = fc
  .tuple(fc.array(line, { maxLength: 25 }), fc.boolean())
  .map(([lines, isNewlineEnded]) => lines.join("\n") + (isNewlineEnded ? "\n" : ""));

describe("lexList", () => {
  it("gives marked's tokens for list-shaped Markdown", () => {
    fc.assert(
      fc.property(listMarkdown, (markdown) => {
        expect(lexed(createMarkdownLexer(), markdown)).toBe(lexed(withMarkedLists(), markdown));
      }),
      { numRuns: 3_000 },
    );
  });

  it("gives marked's tokens for the fixtures' kind of lists", () => {
    const markdown = [
      "- [ ] **Week 1:**",
      "",
      "  - [ ] a",
      "      - [ ] b",
      "1. **Check pod status:**",
      "   ```bash",
      "   kubectl get pods",
      "   ```",
      "2. Wait 5 minutes",
      "lazy continuation",
      "",
      "* loose",
      "",
      "* list",
    ].join("\n");
    expect(lexed(createMarkdownLexer(), markdown)).toBe(lexed(withMarkedLists(), markdown));
  });

  it("gives marked's tokens for runs of one-line items and what ends them", () => {
    // One-line items are read without the item pattern (oneLineItemEnd): each way such an item can be
    // followed, by the same bullet, another bullet, a rule, a lazy line, a blank line, an indented child.
    const markdown = [
      "- a",
      "- b  ",
      "+ c",
      "-  two spaces",
      "- d",
      "- e",
      "lazy",
      "- f",
      "",
      "- g",
      "* h",
      "* * *",
      "- i",
      "  - child",
      "- [ ] task",
      "- j\tk",
      "- l",
      "-",
      "- m",
    ].join("\n");
    expect(lexed(createMarkdownLexer(), markdown)).toBe(lexed(withMarkedLists(), markdown));
  });
});
