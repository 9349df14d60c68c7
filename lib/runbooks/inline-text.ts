const PUNCTUATION = /[!-/:-@[-`{-~\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

function isPunctuation(char: string | undefined): boolean {
  return char !== undefined && PUNCTUATION.test(char);
}

function isWhitespace(char: string | undefined): boolean {
  return char === undefined || WHITESPACE.test(char);
}

type Marks = { drop: Uint8Array; literal: Uint8Array };

/** Backslash escapes and code spans, left to right (an escaped backtick opens nothing). */
function markEscapesAndCode(text: string, marks: Marks): void {
  const runsByLength = new Map<number, number[]>();
  for (let index = 0; index < text.length; index++) {
    if (text[index] !== "`") continue;
    const start = index;
    while (text[index + 1] === "`") index++;
    const length = index - start + 1;
    const runs = runsByLength.get(length);
    if (runs) runs.push(start);
    else runsByLength.set(length, [start]);
  }
  const cursors = new Map<number, number>();
  const closerAfter = (length: number, after: number): number => {
    const runs = runsByLength.get(length) ?? [];
    let cursor = cursors.get(length) ?? 0;
    while (cursor < runs.length && runs[cursor]! < after) cursor++;
    cursors.set(length, cursor);
    return cursor < runs.length ? runs[cursor]! : -1;
  };

  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\\" && isPunctuation(text[index + 1]) && (text.charCodeAt(index + 1) ?? 0) < 128) {
      marks.drop[index] = 1;
      marks.literal[++index] = 1;
      continue;
    }
    if (char !== "`") continue;
    let end = index;
    while (text[end] === "`") end++;
    const length = end - index;
    const closer = closerAfter(length, end);
    if (closer < 0) {
      marks.literal.fill(1, index, end);
      index = end - 1;
      continue;
    }
    marks.drop.fill(1, index, end);
    marks.drop.fill(1, closer, closer + length);
    marks.literal.fill(1, end, closer);
    const isPadded = text[end] === " " && text[closer - 1] === " " && closer - end > 2;
    if (isPadded) {
      marks.drop[end] = 1;
      marks.drop[closer - 1] = 1;
    }
    index = closer + length - 1;
  }
}

const AUTOLINK = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>$/;
const TAG = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|!--[\s\S]*--)>$/;

/** HTML tags are dropped; an autolink keeps its address. A scan from `<` stops at the next `<`. */
function markHtml(text: string, marks: Marks): void {
  for (let index = text.indexOf("<"); index >= 0; index = text.indexOf("<", index + 1)) {
    if (marks.literal[index] || marks.drop[index]) continue;
    let end = index + 1;
    while (end < text.length && text[end] !== ">" && text[end] !== "<") end++;
    if (text[end] !== ">") continue;
    const candidate = text.slice(index, end + 1);
    if (AUTOLINK.test(candidate)) {
      marks.drop[index] = 1;
      marks.drop[end] = 1;
    } else if (TAG.test(candidate)) marks.drop.fill(1, index, end + 1);
    else continue;
    index = end;
  }
}

function isFree(marks: Marks, index: number): boolean {
  return marks.literal[index] === 0 && marks.drop[index] === 0;
}

/** Index just past `(destination "title")` starting at `open`, or -1. Stops at any bracket or paren. */
function linkTailEnd(text: string, open: number): number {
  let index = open + 1;
  while (text[index] === " ") index++;
  if (text[index] === "<") {
    while (index < text.length && text[index] !== ">" && text[index] !== "<" && text[index] !== "\n") index++;
    if (text[index] !== ">") return -1;
    index++;
  } else {
    while (index < text.length && !/[\s()[\]<]/.test(text[index]!)) index++;
  }
  while (text[index] === " ") index++;
  const quote = text[index];
  if (quote === '"' || quote === "'") {
    index++;
    while (index < text.length && text[index] !== quote && text[index] !== ")") index++;
    if (text[index] !== quote) return -1;
    index++;
    while (text[index] === " ") index++;
  }
  return text[index] === ")" ? index + 1 : -1;
}

/** `[text](dest)` and `![alt](dest)` keep their text; brackets are matched with a stack. */
function markLinks(text: string, marks: Marks): void {
  const openers: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if ((char !== "[" && char !== "]") || !isFree(marks, index)) continue;
    if (char === "[") {
      openers.push(index);
      continue;
    }
    const open = openers.pop();
    if (open === undefined || text[index + 1] !== "(" || !isFree(marks, index + 1)) continue;
    const end = linkTailEnd(text, index + 1);
    if (end < 0) continue;
    marks.drop[open] = 1;
    if (open > 0 && text[open - 1] === "!" && isFree(marks, open - 1)) marks.drop[open - 1] = 1;
    marks.drop.fill(1, index, end);
    openers.length = 0;
    index = end - 1;
  }
}

type Delimiter = { char: string; start: number; count: number; canOpen: boolean; canClose: boolean };

function delimiterAt(text: string, start: number, end: number): Delimiter {
  const char = text[start]!;
  const before = text[start - 1];
  const after = text[end];
  const isLeft =
    !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const isRight =
    !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  const canOpen = char === "_" ? isLeft && (!isRight || isPunctuation(before)) : isLeft;
  const canClose = char === "_" ? isRight && (!isLeft || isPunctuation(after)) : isRight;
  return { char, start, count: end - start, canOpen, canClose };
}

/**
 * Emphasis (`*`, `_`), strong and GFM strikethrough (`~`, `~~`): a closing run pairs with the nearest open
 * run of its kind, and openers of other kinds inside the pair are dropped from their stacks (CommonMark's
 * rule, without the rule of three, which changes no plain text a runbook writes).
 */
function markEmphasis(text: string, marks: Marks): void {
  const stacks = new Map<string, Delimiter[]>();
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if ((char !== "*" && char !== "_" && char !== "~") || !isFree(marks, index)) continue;
    let end = index;
    while (text[end] === char && isFree(marks, end)) end++;
    const run = delimiterAt(text, index, end);
    index = end - 1;
    if (char === "~" && run.count > 2) continue;
    const key = char === "~" ? `~${run.count}` : char;
    const stack = stacks.get(key) ?? [];
    stacks.set(key, stack);
    while (run.canClose && run.count > 0 && stack.length > 0) {
      const opener = stack.at(-1)!;
      const used = char === "~" ? run.count : Math.min(opener.count, run.count, 2);
      marks.drop.fill(1, opener.start + opener.count - used, opener.start + opener.count);
      marks.drop.fill(1, run.start, run.start + used);
      opener.count -= used;
      run.start += used;
      run.count -= used;
      if (opener.count === 0) stack.pop();
      for (const [other, openers] of stacks) {
        if (other === key) continue;
        while (openers.length > 0 && openers.at(-1)!.start > opener.start) openers.pop();
      }
    }
    if (run.canOpen && run.count > 0) stack.push(run);
  }
}

/**
 * Plain text of inline Markdown (what a reader sees; for slugs, headings and table cells), read in linear
 * time. marked's inline lexer gave the same text but spends milliseconds on a 256-character line of `*=`
 * or `[`, and a 2 MB file of such headings took tens of seconds. This follows CommonMark where it decides
 * the text: backslash escapes, code spans (matching backtick runs), HTML tags and autolinks, links and
 * images (their text, not their destination), and emphasis, strong and strikethrough delimiters that pair
 * up; entities are kept as written. Every scan stops at the next opener of its kind, so each character is
 * looked at a bounded number of times.
 */
export function inlineText(markdown: string): string {
  if (!/[\\`<[*_~]/.test(markdown)) return markdown;
  const marks: Marks = { drop: new Uint8Array(markdown.length), literal: new Uint8Array(markdown.length) };
  markEscapesAndCode(markdown, marks);
  markHtml(markdown, marks);
  markLinks(markdown, marks);
  markEmphasis(markdown, marks);
  let text = "";
  let start = -1;
  for (let index = 0; index <= markdown.length; index++) {
    const isKept = index < markdown.length && marks.drop[index] === 0;
    if (isKept && start < 0) start = index;
    else if (!isKept && start >= 0) {
      text += markdown.slice(start, index);
      start = -1;
    }
  }
  return text;
}

/**
 * Plain text of a raw inline Markdown string, lighter than inlineText: strips code ticks, emphasis and links.
 * Each pattern's repeated part stops at the next opener as well as at its closer (`[^\][]`, `[^()]`):
 * otherwise every `[` of a line of `[` with no `]` would scan to the end of the line, which is quadratic.
 */
export function stripInlineMarkdown(markdown: string): string {
  if (!/[`*[]/.test(markdown)) return markdown.trim();
  return markdown
    .replace(/!?\[([^\][]*)\]\([^()]*\)/g, "$1")
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,:;!?)])/g, "$1$2")
    .trim();
}
