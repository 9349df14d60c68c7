/**
 * Inputs built to make a Markdown parser slow or overflow its stack: deep nesting (block quotes, lists,
 * tuples in a signature, brackets), long runs of one delimiter with no closer, and very long lines where
 * the parser's own regular expressions look for something that never comes. Each case is written as
 * `size` bytes (about) of one pattern, on one line or repeated over lines. The property tests and the
 * parse benchmark share them.
 */

export type AdversarialCase = { name: string; make: (size: number) => string };

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

/** `unit` repeated to `size` bytes as one line, wrapped in `before`/`after`. */
function line(name: string, unit: string, before = "", after = ""): AdversarialCase {
  return { name, make: (size) => `${before}${repeat(unit, size)}${after}\n` };
}

/** `unit` as many short lines. */
function lines(name: string, unit: string): AdversarialCase {
  return { name, make: (size) => repeat(`${unit}\n`, size) };
}

/** A list nested `depth` levels by indentation, up to `size` bytes. */
function nestedList(name: string, marker: string, indent: number): AdversarialCase {
  return {
    name,
    make: (size) => {
      const parts: string[] = [];
      let total = 0;
      for (let depth = 0; total < size; depth++) {
        const text = `${" ".repeat(depth * indent)}${marker} item ${depth}\n`;
        parts.push(text);
        total += text.length;
      }
      return parts.join("");
    },
  };
}

function nestedTuple(size: number): string {
  const depth = Math.max(1, Math.floor(size / 4));
  const signature = `f(${"(".repeat(depth)}uint256${")".repeat(depth)})`;
  return `## Nested\n\n\`\`\`bash\ncast send $T "${signature}" 1\n\`\`\`\n`;
}

export const ADVERSARIAL_CASES: readonly AdversarialCase[] = [
  line("nested block quotes on one line", ">", "", " text"),
  line("nested block quotes with spaces", "> ", "", "text"),
  lines("block quotes, many lines", "> > > > > > > > quoted"),
  line("nested list markers on one line", "- ", "", "item"),
  line("nested ordered markers on one line", "1. ", "", "item"),
  line("quote and list markers mixed", "> - ", "", "item"),
  nestedList("list nested by indentation", "-", 2),
  nestedList("ordered list nested by indentation", "1.", 3),
  nestedList("checklist nested by indentation", "- [ ]", 2),
  { name: "tuple nested in a signature", make: nestedTuple },
  line("open brackets with no close", "["),
  line("open brackets in a list item", "[", "- "),
  line("open brackets in a heading", "[", "## "),
  line("open brackets in a table cell", "[", "| Alert | Runbook |\n|---|---|\n| `A` | ", " |"),
  line("link openers with no close", "[a]("),
  line("link openers in a list item", "[a](", "- "),
  line("images with no close", "![a]("),
  line("brackets closed then open", "]["),
  line("backticks", "`", "- "),
  line("backtick pairs", "``a", "- "),
  line("asterisks", "*", "- "),
  line("bold openers", "**a", "- "),
  line("emphasis openers after spaces", " *a", "- "),
  line("underscores", "_", "- "),
  line("angle brackets", "<", "- "),
  line("HTML openers", "<a ", ""),
  line("parentheses", "(", "- "),
  line("pipes", "|", "| a |\n|---|\n"),
  lines("table with many columns", `| ${"a | ".repeat(200)}`),
  line("spaces after a number in a wait", " ", "- Wait 1", "x"),
  line("digits in a wait", "1", "- Wait ", "x"),
  line("digits and dots in a wait", "1.", "- Wait "),
  line("hyphens in a wait", "1 - ", "- wait "),
  line("severity pairs", "P1 = a, ", ""),
  line("severity prefix and spaces", " ", "- P1 (", ""),
  line("headings markers", "#", ""),
  lines("headings", "## 1. Heading"),
  lines("duplicate headings", "### Same"),
  // One short heading a line: the most sections 2 MB can hold, each suffixed -1, -2, … as GitHub does.
  lines("one-letter headings", "# a"),
  lines("one-letter level-two headings", "## a"),
  line("bold field openers", "**a:", ""),
  line("backslashes", "\\", "- "),
  line("dollar parens in a cast command", "$(", '```bash\ncast send $T "f(uint256)" ', "\n```"),
  line("quotes in a cast command", '"', '```bash\ncast send $T "f(uint256)" ', "\n```"),
  line("open parens in a cast signature", "(", '```bash\ncast send $T "f', '"\n```'),
  line("commas in a cast signature", "uint256,", '```bash\ncast send $T "f(', ')"\n```'),
  line("line continuations", "\\\n", "```bash\ncast send $T pause ", "\n```"),
  line("open braces in shell", "{", "```bash\n", "\n```"),
  line("shell keywords", "if ", "```bash\n", "\n```"),
  line("heredoc markers", "<<EOF ", "```bash\ncat ", "\n```"),
  lines("comments in shell", "```bash\n# Wait 1 hour\nsleep 1\n```"),
  lines("fences opened and never closed", "```bash"),
  line("tildes", "~", ""),
  line("equals signs (setext)", "=", "Title\n"),
  lines("empty checklist items", "- [ ]"),
  // The most list items 2 MB can hold; alternating markers start a new list every line.
  lines("one-letter list items", "- a"),
  lines("list markers alternating", "+ a\n- b"),
  lines("one-letter loose checklist items", "- [ ] a\n"),
  line("mis-encoded bytes", "Ã¢â‚¬â€ "),
  line("Unicode ellipsis", "…", "- "),
  line("a very long word", "a"),
  lines("blank lines", ""),
  line("contract calls in prose", "pause() on ", "Execute "),
  line("ethers script openers", 'getContractAt("', "```js\nconst c = await ethers.", "\n```"),
  line("awaits", "await x.", "```js\n", "\n```"),
  lines("contract calls in prose, many steps", "- Call Router.pause() and then pause() on Vault"),
  lines("script calls, many lines", "> await contract.pause() // Should return true"),
  {
    name: "console session in one shell block",
    make: (size) => `\`\`\`console\n${repeat("> await contract.paused()\ntrue\n", size)}\`\`\`\n`,
  },
  {
    name: "one checklist item with many over-indented children",
    make: (size) => `- [ ] top\n${repeat("      - [ ] child\n", size)}`,
  },
  lines("loose checklist items", "- [ ] **Week 1:**\n\n  - [ ] a\n"),
  {
    name: "alert table with section letters",
    make: (size) =>
      `## A. Top\n\n| Scenario | Section | Fires when |\n|---|---|---|\n${repeat("| `LowGas` alert | A | x > 1 |\n", size)}`,
  },
  lines("alert lines with conditions", "**Alert:** error rate > 10% for 2+ minutes"),
  lines(
    "timelock delays before blocks",
    "Schedule it (48 hour delay):\n\n```bash\ncast send $T pause\n```\n",
  ),
];
