import { Lexer, Tokenizer, type Tokens } from "marked";
import { lexList } from "./lex-list";

const SETEXT_MAX_LINES = 16;
const UNDERLINE = /^ {0,3}(?:=+|-+) *$/;
const DEFINITION_START = /^ {0,3}\[[^\n]*\]:/;

function hasUnderlineNear(src: string): boolean {
  let start = 0;
  for (let line = 0; line <= SETEXT_MAX_LINES && start < src.length; line++) {
    let end = src.indexOf("\n", start);
    if (end < 0) end = src.length;
    const text = src.slice(start, end);
    if (line > 0 && UNDERLINE.test(text)) return true;
    if (text.trim() === "") return false;
    start = end + 1;
  }
  return false;
}

export class BoundedTokenizer extends Tokenizer {
  /** Blank lines, scanned by hand: marked's `(?:[ \t]*(?:\n|$))+` overflows V8's regex stack on 2 MB of them. */
  override space(src: string): Tokens.Space | undefined {
    let end = 0;
    for (let index = 0; index <= src.length; index++) {
      const code = src.charCodeAt(index);
      if (code === 0x20 || code === 0x09) continue;
      if (code === 0x0a || index === src.length) {
        end = Math.min(index + 1, src.length);
        if (index === src.length) break;
        continue;
      }
      break;
    }
    return end > 0 ? { type: "space", raw: src.slice(0, end) } : undefined;
  }

  /** One list: marked's list rule, ported to cost a few index scans per item (lex-list.ts). */
  readList(src: string): Tokens.List | undefined {
    return lexList(this, src);
  }

  /**
   * Bullet lists that follow each other line by line (`+ a` then `- b`: a new bullet character starts a new
   * list) are read as one list. A runbook means one list by them, and a file of 500,000 one-item lists
   * otherwise cost a token, a blank-line token and a walk each: 2.7 s for 2 MB.
   */
  override list(src: string): Tokens.List | undefined {
    if (this.options.pedantic) return super.list(src);
    const list = this.readList(src);
    if (list === undefined || list.ordered) return list;
    let end = list.raw.length;
    while (src.charCodeAt(end) === 0x0a) {
      const next = this.readList(src.slice(end + 1));
      if (next === undefined || next.ordered) break;
      for (const item of next.items) list.items.push(item);
      list.loose ||= next.loose;
      end += 1 + next.raw.length;
    }
    list.raw = src.slice(0, end);
    return list;
  }

  override lheading(src: string): Tokens.Heading | undefined {
    return hasUnderlineNear(src) ? super.lheading(src) : undefined;
  }

  override def(src: string): Tokens.Def | undefined {
    return DEFINITION_START.test(src) ? super.def(src) : undefined;
  }

  override text(src: string): Tokens.Text | undefined {
    const paragraph = this.rules.block.paragraph.exec(src);
    if (!paragraph) return super.text(src);
    const raw = paragraph[1]!;
    const token: Tokens.Paragraph = { type: "paragraph", raw, text: raw, tokens: this.lexer.inline(raw) };
    // The walker reads paragraph and text tokens alike (walk-runbook-tokens.ts).
    return token as unknown as Tokens.Text;
  }
}

/**
 * marked's lexer with four of its rules bounded (blank lines, setext headings, link definitions and text in a
 * list item); everything else is marked's own rule. Inside a list item marked reads text one line at a time:
 * before each line it tries the setext-heading rule, whose pattern scans every following line for an
 * `===`/`---` underline, and the link-definition rule, whose label may run over lines to a `]`; then it
 * appends the line to the text so far after `raw.endsWith("\n")`, which copies the whole text. A list item of
 * 40,000 lines took minutes. Here a setext heading's text may be at most SETEXT_MAX_LINES lines (runbooks do
 * not write longer ones), a definition's `[label]:` must be on its first line, and text in a list item is
 * read a paragraph at a time (marked's paragraph rule, as at the top level) and returned as a paragraph,
 * which marked never merges.
 */
export function createMarkdownLexer(): Lexer {
  return new Lexer({ gfm: true, tokenizer: new BoundedTokenizer() });
}
