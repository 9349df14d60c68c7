import type { Token, Tokenizer, Tokens } from "marked";

/**
 * marked 18's list tokenizer (Tokenizer.list, non-pedantic), ported so that its cost per item is a few
 * index scans: it produces the same tokens (lex-list.property.test.ts compares the two on generated lists).
 * marked's own version splits off the next line of the remaining source once or twice per line, runs a
 * callback replace and six regular expressions on every line, and allocates a closure or two per item:
 * about 4 µs an item, so a 2 MB list of `- [ ]` lines or of one-item lists took 1.5–8 s. Here a line is
 * found with indexOf, tabs are expanded only where there are tabs, the six "does this line end the item"
 * patterns run only on a line whose first character could start one, and the item-start patterns are
 * sticky, so they match at an offset without copying the rest of the source.
 */

type Rules = Tokenizer["rules"];

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+) *$/;
const LEADING_SPACES = /^ {0,3}/;

const itemRegexes = new Map<string, RegExp>();
const stickyRegexes = new WeakMap<RegExp, RegExp>();

/** `regex` (written with a leading `^`) as a sticky pattern that matches at `lastIndex`. */
function stickyOf(regex: RegExp): RegExp {
  let sticky = stickyRegexes.get(regex);
  if (sticky === undefined) {
    sticky = new RegExp(regex.source.replace(/^\^/, ""), `${regex.flags}y`);
    stickyRegexes.set(regex, sticky);
  }
  return sticky;
}

/** marked builds its item pattern anew for every list; one per bullet kind is enough. */
function itemRegexOf(rules: Rules, bull: string): RegExp {
  let regex = itemRegexes.get(bull);
  if (regex === undefined) {
    regex = stickyOf(rules.other.listItemRegex(bull));
    itemRegexes.set(bull, regex);
  }
  return regex;
}

function matchAt(regex: RegExp, src: string, index: number): RegExpExecArray | null {
  regex.lastIndex = index;
  return regex.exec(src);
}

/** marked's expandTabs (not exported by the package). */
function expandTabs(line: string, indent = 0): string {
  let column = indent;
  let expanded = "";
  for (const char of line) {
    if (char === "\t") {
      const added = 4 - (column % 4);
      expanded += " ".repeat(added);
      column += added;
    } else {
      expanded += char;
      column++;
    }
  }
  return expanded;
}

/** `line.replace(/^[ \t]+/, (whitespace) => expandTabs(whitespace, indent))`, without the callback when there is no tab. */
function expandLeadingTabs(line: string, indent = 0): string {
  let end = 0;
  let hasTab = false;
  for (; end < line.length; end++) {
    const code = line.charCodeAt(end);
    if (code === 0x09) hasTab = true;
    else if (code !== 0x20) break;
  }
  return hasTab ? expandTabs(line.slice(0, end), indent) + line.slice(end) : line;
}

/** The line starting at `index`, without its newline (marked's `src.split("\n", 1)[0]`). */
function lineAt(src: string, index: number): string {
  const end = src.indexOf("\n", index);
  return end < 0 ? src.slice(index) : src.slice(index, end);
}

type ItemRegexes = {
  nextBullet: RegExp;
  hr: RegExp;
  fencesBegin: RegExp;
  headingBegin: RegExp;
  htmlBegin: RegExp;
  blockquoteBegin: RegExp;
};

/** marked picks these by indent, min(3, indent - 1): four sets, kept instead of gathered per item. */
const itemRegexSets = new WeakMap<Rules["other"], ItemRegexes[]>();

function itemRegexesOf(rules: Rules, indent: number): ItemRegexes {
  let sets = itemRegexSets.get(rules.other);
  if (sets === undefined) {
    sets = [];
    itemRegexSets.set(rules.other, sets);
  }
  const key = Math.max(0, Math.min(3, indent - 1));
  let regexes = sets[key];
  if (regexes === undefined) {
    regexes = {
      nextBullet: rules.other.nextBulletRegex(indent),
      hr: rules.other.hrRegex(indent),
      fencesBegin: rules.other.fencesBeginRegex(indent),
      headingBegin: rules.other.headingBeginRegex(indent),
      htmlBegin: rules.other.htmlBeginRegex(indent),
      blockquoteBegin: rules.other.blockquoteBeginRegex(indent),
    };
    sets[key] = regexes;
  }
  return regexes;
}

/**
 * marked's "this line ends the item" test (a fence, heading, HTML block, quote, bullet or rule at most
 * min(3, indent - 1) columns in). Each of those patterns starts with its own character, so only the ones
 * that character can start are run.
 */
function endsItem(line: string, indent: number, regexes: ItemRegexes): boolean {
  const allowed = Math.max(0, Math.min(3, indent - 1));
  let spaces = 0;
  while (spaces <= allowed && line.charCodeAt(spaces) === 0x20) spaces++;
  if (spaces > allowed) return false;
  switch (line.charAt(spaces)) {
    case "`":
    case "~":
      return regexes.fencesBegin.test(line);
    case "#":
      return regexes.headingBegin.test(line);
    case "<":
      return regexes.htmlBegin.test(line);
    case ">":
      return regexes.blockquoteBegin.test(line);
    case "*":
    case "-":
      return regexes.nextBullet.test(line) || regexes.hr.test(line);
    case "_":
      return regexes.hr.test(line);
    case "+":
    case "0":
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
    case "6":
    case "7":
    case "8":
    case "9":
      return regexes.nextBullet.test(line);
    default:
      return false;
  }
}

/**
 * Whether a line not indented to the item's content continues its paragraph lazily (marked's checks on
 * the line before it, `line`, which is relative to the item's content).
 */
function isLazyContinuation(
  rules: Rules,
  line: string,
  isFirstContinuation: boolean,
  lineIsLazy: boolean,
  regexes: ItemRegexes,
): boolean {
  // The first line of an item always starts a block, which can be a nested list item or block quote.
  // Look past their markers to the block a lazy line would continue. Tabs are left alone.
  let lastBlock = line;
  if (isFirstContinuation && !line.includes("\t")) {
    while (!regexes.hr.test(lastBlock)) {
      const marker = rules.other.nestedBlockMarker.exec(lastBlock);
      if (!marker) break;
      lastBlock = lastBlock.slice(marker[0].length);
    }
    if (!lastBlock.trim()) return false;
  }
  if (lastBlock.replace(rules.other.tabCharGlobal, "    ").search(rules.other.nonSpaceChar) >= 4)
    return false;
  if (
    regexes.fencesBegin.test(lastBlock) ||
    regexes.headingBegin.test(lastBlock) ||
    regexes.htmlBegin.test(lastBlock) ||
    regexes.hr.test(lastBlock)
  )
    return false;
  if (!lineIsLazy) {
    const lastBlockLine = line.replace(rules.other.nestedContainerMarkers, "");
    if (
      rules.block.fences.test(lastBlockLine) ||
      rules.block.heading.test(lastBlockLine) ||
      rules.block.hr.test(lastBlockLine)
    )
      return false;
  }
  return true;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

function isBulletChar(code: number): boolean {
  return code === 0x2d || code === 0x2a || code === 0x2b;
}

/**
 * Where a one-line item ends (after its newline) when it is `<bullet> <letter>…` and the next line starts
 * with a bullet and a space, which ends it; -1 otherwise. The common case of a long list, read without the
 * item pattern and the line-by-line loop: the same item (text after the one space, raw with its newline).
 */
function oneLineItemEnd(src: string, index: number, bulletCode: number): number {
  if (src.charCodeAt(index) !== bulletCode || src.charCodeAt(index + 1) !== 0x20) return -1;
  if (!isLetter(src.charCodeAt(index + 2))) return -1;
  const end = src.indexOf("\n", index + 2);
  if (end < 0 || !isBulletChar(src.charCodeAt(end + 1)) || src.charCodeAt(end + 2) !== 0x20) return -1;
  return end + 1;
}

/** Reads the items (marked's first loop); returns the list with untokenized items and where it ends. */
function readItems(rules: Rules, isGfm: boolean, src: string, list: Tokens.List, bull: string): number {
  const itemRegex = itemRegexOf(rules, bull);
  const hr = stickyOf(rules.block.hr);
  // Unordered bullets only: `bull` is the escaped bullet character.
  const bulletCode = list.ordered ? -1 : bull.charCodeAt(1);
  let index = 0;
  let endsWithBlankLine = false;
  while (index < src.length) {
    const oneLineEnd = bulletCode < 0 ? -1 : oneLineItemEnd(src, index, bulletCode);
    if (oneLineEnd > 0) {
      const text = src.slice(index + 2, oneLineEnd - 1);
      list.items.push({
        type: "list_item",
        raw: src.slice(index, oneLineEnd),
        task: false,
        loose: false,
        text,
        tokens: [],
      });
      // After a blank line an item makes the list loose; this one has none of its own.
      if (endsWithBlankLine) list.loose = true;
      index = oneLineEnd;
      // The next line's bullet, when it is another character, starts another list.
      if (src.charCodeAt(index) !== bulletCode) break;
      continue;
    }
    const cap = matchAt(itemRegex, src, index);
    if (!cap) break;
    // End the list if the bullet was actually a thematic break.
    hr.lastIndex = index;
    if (hr.test(src)) break;

    const itemStart = index;
    index += cap[0].length;
    const rest = cap[2]!;
    const firstLine = rest.endsWith("\n") ? rest.slice(0, -1) : rest;
    const bulletIndent = cap[1]!.length;
    let line = expandLeadingTabs(firstLine, bulletIndent);
    let nextLine = lineAt(src, index);
    let blankLine = !line.trim();
    let itemContents = "";
    let indent: number;
    if (blankLine) indent = bulletIndent + 1;
    else {
      indent = line.search(rules.other.nonSpaceChar);
      // Content indented more than four columns is an indented code block: one column of indent.
      indent = indent > 4 ? 1 : indent;
      itemContents = line.slice(indent);
      indent += bulletIndent;
    }

    // An item begins with at most one blank line.
    const endsEarly = blankLine && rules.other.blankLine.test(nextLine);
    if (endsEarly) index = Math.min(src.length, index + nextLine.length + 1);
    else {
      const regexes = itemRegexesOf(rules, indent);
      // marked asks `itemContents.includes("\n")`, which rescans the text gathered so far on every lazy line.
      let hasContinuation = false;
      let lineIsLazy = false;
      while (index < src.length) {
        const rawLine = lineAt(src, index);
        nextLine = rawLine;
        const nextLineWithoutTabs = expandLeadingTabs(nextLine);
        if (endsItem(nextLine, indent, regexes)) break;
        if (nextLineWithoutTabs.search(rules.other.nonSpaceChar) >= indent || !nextLine.trim()) {
          itemContents += `\n${nextLineWithoutTabs.slice(indent)}`;
          lineIsLazy = false;
        } else {
          // Not indented enough: after a blank line that ends the item; otherwise it may be a lazy line.
          if (blankLine) break;
          if (!isLazyContinuation(rules, line, !hasContinuation, lineIsLazy, regexes)) break;
          // A lazy continuation can look like a setext underline once the list indentation is removed:
          // it stays in the paragraph.
          const isSetextContinuation =
            SETEXT_UNDERLINE.test(nextLine) && rules.block.lheading.test(`${line}\n${nextLine}`);
          itemContents += `\n${isSetextContinuation ? `    ${nextLineWithoutTabs.replace(LEADING_SPACES, "")}` : nextLine}`;
          lineIsLazy = true;
        }
        hasContinuation = true;
        blankLine = !nextLine.trim();
        index = Math.min(src.length, index + rawLine.length + 1);
        line = nextLineWithoutTabs.slice(indent);
      }
    }

    const raw = src.slice(itemStart, index);
    if (!list.loose) {
      // If the previous item ended with a blank line, the list is loose.
      if (endsWithBlankLine) list.loose = true;
      else if (rules.other.doubleBlankLine.test(raw)) endsWithBlankLine = true;
    }
    list.items.push({
      type: "list_item",
      raw,
      task: isGfm && rules.other.listIsTask.test(itemContents),
      loose: false,
      text: itemContents,
      tokens: [],
    });
  }
  return index;
}

/**
 * One line that starts with a letter, a task box or `**` and a letter, and at most one newline after it: no
 * block rule but the paragraph can start there (a fence, heading, rule, quote, list, HTML block or indented
 * code needs another first character; a definition's label cannot be a task box's space, nor end before `]`
 * unless `:` follows; a table or setext heading needs a second line of text), so it is one paragraph,
 * whatever blockTokens would try first. A loose item's text ends with the newline of its blank line.
 */
const PLAIN_LINE = /^(?:[A-Za-z]|\[[ xX]\](?!:)|\*\*[A-Za-z])[^\n]*\n?$/;

function isPlainLine(text: string): boolean {
  return PLAIN_LINE.test(text);
}

/**
 * What blockTokens returns for a plain line, state included (it leaves `top` set): the paragraph rule takes
 * the line (create-markdown-lexer.ts returns it as a paragraph), and a newline after it joins its raw text.
 */
function plainLineTokens(tokenizer: Tokenizer, text: string): Token[] {
  const line = text.endsWith("\n") ? text.slice(0, -1) : text;
  const token: Tokens.Paragraph = {
    type: "paragraph",
    raw: text,
    text: line,
    tokens: tokenizer.lexer.inline(line),
  };
  tokenizer.lexer.state.top = true;
  return [token];
}

/** Lexes each item's text, then places task checkboxes once looseness is known (marked's two passes). */
function lexItems(tokenizer: Tokenizer, list: Tokens.List): void {
  const { rules, lexer } = tokenizer;
  const queueStarts: number[] = [];
  for (const item of list.items) {
    lexer.state.top = false;
    queueStarts.push(lexer.inlineQueue.length);
    item.tokens = isPlainLine(item.text)
      ? plainLineTokens(tokenizer, item.text)
      : lexer.blockTokens(item.text, []);
    if (!list.loose) {
      let hasMultipleLineBreaks = false;
      for (const token of item.tokens) {
        if (token.type === "space" && rules.other.anyLine.test(token.raw)) {
          hasMultipleLineBreaks = true;
          break;
        }
      }
      list.loose = hasMultipleLineBreaks;
    }
  }

  for (let index = 0; index < list.items.length; index++) {
    const item = list.items[index]!;
    const itemToken = item.tokens[0];
    if (!item.task) continue;
    if (itemToken?.type !== "text" && itemToken?.type !== "paragraph") {
      item.task = false;
      continue;
    }
    const textToken = itemToken as Tokens.Text | Tokens.Paragraph;
    item.text = item.text.replace(rules.other.listReplaceTask, "");
    textToken.raw = textToken.raw.replace(rules.other.listReplaceTask, "");
    textToken.text = textToken.text.replace(rules.other.listReplaceTask, "");
    // The first token queued its text first, so its entry is found right away.
    const queue = lexer.inlineQueue;
    for (let entry = queueStarts[index]!; entry < queue.length; entry++) {
      if (queue[entry]!.tokens === textToken.tokens) {
        queue[entry]!.src = queue[entry]!.src.replace(rules.other.listReplaceTask, "");
        break;
      }
    }
    const taskRaw = rules.other.listTaskCheckbox.exec(item.raw);
    if (!taskRaw) continue;
    const checkbox: Tokens.Checkbox = {
      type: "checkbox",
      raw: `${taskRaw[0]} `,
      checked: taskRaw[0] !== "[ ]",
    };
    item.checked = checkbox.checked;
    if (!list.loose) item.tokens.unshift(checkbox);
    else if (textToken.tokens) {
      textToken.raw = checkbox.raw + textToken.raw;
      textToken.text = checkbox.raw + textToken.text;
      textToken.tokens.unshift(checkbox);
    } else {
      item.tokens.unshift({ type: "paragraph", raw: checkbox.raw, text: checkbox.raw, tokens: [checkbox] });
    }
  }

  if (!list.loose) return;
  for (const item of list.items) {
    item.loose = true;
    for (const token of item.tokens)
      if (token.type === "text") (token as { type: string }).type = "paragraph";
  }
}

/** marked's `bull` pattern, one string per kind (a new string per list costs a hash on every lookup). */
const BULL_PATTERNS = { ordered: new Map<string, string>(), unordered: new Map<string, string>() };

function bullPattern(char: string, isOrdered: boolean): string {
  const patterns = isOrdered ? BULL_PATTERNS.ordered : BULL_PATTERNS.unordered;
  let pattern = patterns.get(char);
  if (pattern === undefined) {
    pattern = isOrdered ? `\\d{1,9}\\${char}` : `\\${char}`;
    patterns.set(char, pattern);
  }
  return pattern;
}

export function lexList(tokenizer: Tokenizer, src: string): Tokens.List | undefined {
  const { rules, lexer } = tokenizer;
  const cap = rules.block.list.exec(src);
  if (!cap) return undefined;
  // Inside a list item, paragraph lines are lexed as text tokens, so a list after one would interrupt
  // the paragraph: only a non-empty list starting with a bullet or 1 can do that.
  if (lexer.state.lastToken?.type === "text" && !rules.other.listInterruptsParagraph.test(src))
    return undefined;

  const bullet = cap[1]!.trim();
  const isOrdered = bullet.length > 1;
  const list: Tokens.List = {
    type: "list",
    raw: "",
    ordered: isOrdered,
    start: isOrdered ? +bullet.slice(0, -1) : "",
    loose: false,
    items: [],
  };
  const bull = bullPattern(isOrdered ? bullet.slice(-1) : bullet, isOrdered);
  const end = readItems(rules, tokenizer.options.gfm === true, src, list, bull);

  // The newlines at the end of the last item are not the list's.
  const lastItem = list.items.at(-1);
  if (!lastItem) return undefined;
  lastItem.raw = lastItem.raw.trimEnd();
  lastItem.text = lastItem.text.trimEnd();
  list.raw = src.slice(0, end).trimEnd();
  lexItems(tokenizer, list);
  return list;
}
