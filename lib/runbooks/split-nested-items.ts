// A list item's text can carry list lines that marked did not read as a nested list: a nested list indented
// further than CommonMark allows is continuation text of its parent, and a loose task list leaves its `[ ]`
// in the paragraph's text. Those lines are items of their own (what the writer meant and what a reader sees
// as a list), so a parent item never shows `[ ] **Week 1:**` or its children's text as its own.

export type ItemText = { text: string; checked: boolean | null };

const LIST_LINE = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[([ xX])\](?:\s+|$))?(.*)$/;
const LEADING_BOX = /^\[([ xX])\](?:[ \t]+|$)/;

function withoutBox(text: string): ItemText {
  const box = LEADING_BOX.exec(text);
  return box ? { text: text.slice(box[0].length).trim(), checked: box[1] !== " " } : { text, checked: null };
}

/** The item's own text (its checkbox, if written in the text, read off) and the list lines inside it. */
export function splitNestedItems(text: string): { own: ItemText; nested: ItemText[] } {
  const own = withoutBox(text.trim());
  if (!own.text.includes("\n")) return { own, nested: [] };
  const [first = "", ...rest] = own.text.split("\n");
  const ownLines = [first];
  const nested: { lines: string[]; checked: boolean | null }[] = [];
  for (const line of rest) {
    const item = LIST_LINE.exec(line);
    if (item)
      nested.push({ lines: [item[2]!.trim()], checked: item[1] === undefined ? null : item[1] !== " " });
    else (nested.at(-1)?.lines ?? ownLines).push(line.trim());
  }
  return {
    own: { text: ownLines.join("\n").trim(), checked: own.checked },
    nested: nested
      .map((item) => ({ text: item.lines.join("\n").trim(), checked: item.checked }))
      .filter((item) => item.text !== ""),
  };
}
