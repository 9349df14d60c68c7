// Splits a shell code block into logical commands, comments and blank lines. A command runs on while a
// line ends with `\`, `|`, `&&` or `||`, a quote is open (psql -c "...multi-line..."), a `for`/`if`/
// `case` is not closed, a `{`/`(` is not closed (also catches pasted JSON output), or a heredoc is open.
// Unbalanced text never throws: the command simply runs to the end of the block.

export type ShellLine =
  | { type: "command"; text: string }
  | { type: "comment"; text: string }
  | { type: "blank" };

type ScanState = { quote: string | null; depth: number; keywordDepth: number; heredoc: string | null };

const OPENERS = new Set(["for", "while", "until", "if", "case", "select"]);
const CLOSERS = new Set(["done", "fi", "esac"]);
const KEYWORD = /\b(?:for|while|until|if|case|select|done|fi|esac)\b/;

function countKeywords(code: string, state: ScanState): void {
  for (const segment of code.split(/;|&&|\|\|/)) {
    const first = /^\s*([a-z]+)\b/.exec(segment)?.[1];
    if (first && OPENERS.has(first)) state.keywordDepth++;
    else if (first && CLOSERS.has(first)) state.keywordDepth = Math.max(0, state.keywordDepth - 1);
  }
}

/**
 * Scans one line, updating quote/bracket/keyword state. Returns the line's code without a trailing
 * comment. Works on indices, not by building strings: this runs on every line of every block.
 */
function scanLine(line: string, state: ScanState): string {
  if (state.heredoc !== null) {
    if (line.trim() === state.heredoc) state.heredoc = null;
    return "";
  }
  const wasInQuote = state.quote !== null;
  let end = line.length;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (state.quote) {
      if (char === "\\" && state.quote === '"') index++;
      else if (char === state.quote) state.quote = null;
      continue;
    }
    const previous = index === 0 ? " " : line[index - 1]!;
    if (char === "#" && (previous === " " || previous === "\t" || previous === ";")) {
      end = index;
      break;
    }
    if (char === "\\") index++;
    else if (char === "'" || char === '"') state.quote = char;
    else if (char === "(" || (char === "{" && previous !== "$" && /[\s;(]/.test(previous))) state.depth++;
    else if (char === ")" || (char === "}" && /[\s;{}]/.test(previous) && state.depth > 0)) {
      state.depth = Math.max(0, state.depth - 1);
    }
  }
  const code = end === line.length ? line : line.slice(0, end);
  if (code.includes("<<")) {
    const heredoc = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/.exec(code);
    if (heredoc) state.heredoc = heredoc[1]!;
  }
  // Keywords inside quoted text are rare enough in runbooks that the unquoted code is not rebuilt for them.
  if (!wasInQuote && KEYWORD.test(code)) countKeywords(code, state);
  return code;
}

function isContinued(code: string, state: ScanState): boolean {
  const trimmed = code.trimEnd();
  return (
    state.quote !== null ||
    state.depth > 0 ||
    state.keywordDepth > 0 ||
    state.heredoc !== null ||
    /(?:\\|\||&&)$/.test(trimmed)
  );
}

export function splitShellScript(script: string): ShellLine[] {
  const lines = script.split("\n");
  const out: ShellLine[] = [];
  let group: string[] = [];
  const state: ScanState = { quote: null, depth: 0, keywordDepth: 0, heredoc: null };

  for (const line of lines) {
    if (group.length > 0) {
      group.push(line);
      if (!isContinued(scanLine(line, state), state)) {
        out.push({ type: "command", text: group.join("\n").trimEnd() });
        group = [];
      }
      continue;
    }
    const trimmed = line.trim();
    if (trimmed === "") out.push({ type: "blank" });
    else if (trimmed.startsWith("#")) {
      if (!trimmed.startsWith("#!"))
        out.push({ type: "comment", text: trimmed.replace(/^#+\s?/, "").trim() });
    } else if (trimmed.startsWith("//")) {
      // Not shell, but runbooks mix JavaScript-style comments into shell blocks ("// Should return true").
      out.push({ type: "comment", text: trimmed.replace(/^\/+\s?/, "").trim() });
    } else {
      group.push(line);
      if (!isContinued(scanLine(line, state), state)) {
        out.push({ type: "command", text: group.join("\n").trimEnd() });
        group = [];
      }
    }
  }
  if (group.length > 0) out.push({ type: "command", text: group.join("\n").trimEnd() });
  return out;
}
