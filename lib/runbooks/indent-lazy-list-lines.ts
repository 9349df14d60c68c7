import { Lexer, Tokenizer } from "marked";

// A list item can go on with "lazy" lines that are not indented to its content column. marked reads each lazy
// line by searching the whole item text gathered so far (`p.includes("\n")`, which also flattens the string),
// so an item with 40,000 lazy lines takes minutes. After LAZY_RUN lazy lines in a row, this indents the
// following ones to the item's content column: marked then appends exactly the same text to the item without
// the search. A line that would end the item (a heading, fence, HTML block, quote, bullet or rule at the same
// indentation) is never touched, nor a line with a tab. One pass, using marked's own rules for what ends an
// item.

const LAZY_RUN = 8;
const BULLET = /^( *)([*+-]|\d{1,9}[.)])(?:([ ]+)(.*)|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+) *$/;

const tokenizer = new Tokenizer();
new Lexer({ tokenizer }); // gives the tokenizer its rules
const rules = tokenizer.rules.other;

function endsItem(line: string, column: number): boolean {
  return (
    rules.fencesBeginRegex(column).test(line) ||
    rules.headingBeginRegex(column).test(line) ||
    rules.htmlBeginRegex(column).test(line) ||
    rules.blockquoteBeginRegex(column).test(line) ||
    rules.nextBulletRegex(column).test(line) ||
    rules.hrRegex(column).test(line)
  );
}

/** Whether a line, read at the item's content column, is paragraph text a lazy line may continue. */
function isParagraphText(relative: string): boolean {
  return relative.trim() !== "" && !/^ {4}/.test(relative) && !endsItem(relative, 4);
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 0x20) count++;
  return count;
}

type ItemState = {
  /** Content column of the innermost open list item, or -1 outside any. */
  column: number;
  /** The last line's text at the content column, or "" when no paragraph is open. */
  openText: string;
  /**
   * Whether openText is paragraph text, or null until a lazy line asks: most list lines are followed by
   * another bullet, and the six patterns of endsItem were most of this pass's cost on a file of one-line items.
   */
  isParagraphOpen: boolean | null;
  isAfterBlank: boolean;
  lazyRun: number;
};

function resetState(state: ItemState): void {
  state.column = -1;
  setOpenText(state, "");
  state.isAfterBlank = false;
  state.lazyRun = 0;
}

function setOpenText(state: ItemState, text: string): void {
  state.openText = text;
  state.isParagraphOpen = null;
}

function isParagraphOpen(state: ItemState): boolean {
  state.isParagraphOpen ??= isParagraphText(state.openText);
  return state.isParagraphOpen;
}

/** The line (without its block-quote prefix) to give marked instead, or null to keep it. */
function rewriteLine(line: string, state: ItemState): string | null {
  if (line.trim() === "") {
    state.isAfterBlank = true;
    setOpenText(state, "");
    state.lazyRun = 0;
    return null;
  }
  const wasAfterBlank = state.isAfterBlank;
  state.isAfterBlank = false;
  if (line.includes("\t")) {
    resetState(state);
    return null;
  }
  const { column } = state;
  const indent = leadingSpaces(line);
  const bullet = indent < (column < 0 ? 4 : column + 4) ? BULLET.exec(line) : null;
  if (bullet) {
    const markerEnd = bullet[1]!.length + bullet[2]!.length;
    const spaces = bullet[3]?.length ?? 0;
    const content = bullet[4] ?? "";
    state.column = content === "" || spaces > 4 ? markerEnd + 1 : markerEnd + spaces;
    setOpenText(state, content);
    state.lazyRun = 0;
    return null;
  }
  if (column < 0) return null;
  if (indent >= column) {
    setOpenText(state, line.slice(column));
    state.lazyRun = 0;
    return null;
  }
  if (wasAfterBlank || !isParagraphOpen(state) || endsItem(line, column)) {
    resetState(state);
    return null;
  }
  if (++state.lazyRun <= LAZY_RUN) return null;
  // marked's own treatment of a lazy setext underline: indented four more, so it stays text.
  return SETEXT_UNDERLINE.test(line)
    ? `${" ".repeat(column + 4)}${line.replace(/^ {0,3}/, "")}`
    : `${" ".repeat(column)}${line}`;
}

const QUOTE_PREFIX = /^(?: {0,3}> ?)+/;

/**
 * Rewrites `lines` in place; returns how many lines were indented. Inside a block quote the same is done
 * to the text after the `>` markers, as long as the quote depth stays the same.
 */
export function indentLazyListLines(lines: string[]): number {
  const state: ItemState = {
    column: -1,
    openText: "",
    isParagraphOpen: null,
    isAfterBlank: false,
    lazyRun: 0,
  };
  let depth = 0;
  let indented = 0;
  for (let number = 0; number < lines.length; number++) {
    const line = lines[number]!;
    const prefix =
      line.charCodeAt(0) === 0x3e || line.startsWith(" ") ? (QUOTE_PREFIX.exec(line)?.[0] ?? "") : "";
    const lineDepth = prefix === "" ? 0 : prefix.split(">").length - 1;
    if (lineDepth !== depth) {
      resetState(state);
      depth = lineDepth;
    }
    const rewritten = rewriteLine(prefix === "" ? line : line.slice(prefix.length), state);
    if (rewritten === null) continue;
    lines[number] = prefix + rewritten;
    indented++;
  }
  return indented;
}
