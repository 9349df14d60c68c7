import { indentLazyListLines } from "./indent-lazy-list-lines";

export const MAX_MARKERS = 16;
export const MAX_PREFIX_COLUMNS = 96;

export type CappedMarkdown = { text: string; cappedLines: number[] };

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Length of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `index` followed by a space, tab or the end of
 * the line; 0 when there is none.
 */
function listMarkerLength(line: string, index: number): number {
  const code = line.charCodeAt(index);
  let end = index;
  if (code === 0x2d || code === 0x2a || code === 0x2b) end = index + 1;
  else {
    while (
      end < line.length &&
      end - index < 9 &&
      line.charCodeAt(end) >= 0x30 &&
      line.charCodeAt(end) <= 0x39
    )
      end++;
    if (end === index || (line[end] !== "." && line[end] !== ")")) return 0;
    end++;
  }
  return end === line.length || isSpace(line.charCodeAt(end)) ? end - index : 0;
}

/** Index where the allowed prefix of `line` ends, or -1 when the line is within the limits. */
function overflowAt(line: string): number {
  let markers = 0;
  let column = 0;
  let index = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    let width: number;
    if (isSpace(code)) width = code === 0x09 ? 4 - (column % 4) : 1;
    else if (code === 0x3e) {
      width = 1;
      markers++;
    } else {
      width = listMarkerLength(line, index);
      if (width === 0) return -1;
      markers++;
    }
    if (markers > MAX_MARKERS || column + width > MAX_PREFIX_COLUMNS) return index;
    column += width;
    index += code === 0x09 || isSpace(code) || code === 0x3e ? 1 : width;
  }
  return -1;
}

function skipPrefix(line: string, from: number): number {
  let index = from;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    if (isSpace(code) || code === 0x3e) index++;
    else {
      const width = listMarkerLength(line, index);
      if (width === 0) break;
      index += width;
    }
  }
  return index;
}

/**
 * Bounds the nesting Markdown can ask for before marked sees it. marked lexes a block quote or a list
 * item by lexing its content again, recursively: ~1,900 `>` on one line overflow the stack, and a list
 * nested 2,000 levels deep by indentation takes minutes (each level re-reads everything inside it).
 * Runbooks nest a few levels; past MAX_MARKERS container markers (`>`, `-`, `1.`) or MAX_PREFIX_COLUMNS
 * columns of leading markers and indentation, the rest of a line's prefix is dropped, so the text is kept
 * and read at the deepest allowed level. One linear pass over the text.
 */
export function capMarkdownNesting(markdown: string): CappedMarkdown {
  const cappedLines: number[] = [];
  const lines = markdown.split("\n");
  for (let number = 0; number < lines.length; number++) {
    const line = lines[number]!;
    const code = line.charCodeAt(0);
    // Fast path: most lines start with a letter, `#`, `|` or a backtick and cannot be deeply nested.
    if (
      !(
        isSpace(code) ||
        code === 0x3e ||
        code === 0x2d ||
        code === 0x2a ||
        code === 0x2b ||
        (code >= 0x30 && code <= 0x39)
      )
    )
      continue;
    const at = overflowAt(line);
    if (at < 0) continue;
    const rest = line.slice(skipPrefix(line, at));
    const kept = line.slice(0, at);
    lines[number] = isSpace(kept.charCodeAt(kept.length - 1)) ? kept + rest : `${kept} ${rest}`;
    cappedLines.push(number + 1);
  }
  const isChanged = indentLazyListLines(lines) > 0 || cappedLines.length > 0;
  return { text: isChanged ? lines.join("\n") : markdown, cappedLines };
}
