// Splits one shell command into words the way a POSIX shell would for our purposes: quotes are removed
// from `value` but kept in `raw`, `$(...)` and `${...}` stay one word, `\`-newline joins lines, and
// `|`, `&&`, `;`, redirections and `# comments` end the word list. `<PLACEHOLDER>` is a word, not a
// redirection: runbooks use it for values the responder fills in.

export type ShellWord = { raw: string; value: string; isOperator: boolean };

const PLACEHOLDER = /^<[A-Za-z_][A-Za-z0-9_.:-]*>/;
const OPERATOR = /^(?:\|\||&&|;;|[|;&]|\d?>>?|<<-?|<)/;

/** Index just past the `)` or `}` matching the opener at `start` (`$(`, `${`, or backtick), or text.length. */
function skipSubstitution(text: string, start: number): number {
  if (text[start] === "`") {
    const end = text.indexOf("`", start + 1);
    return end < 0 ? text.length : end + 1;
  }
  const open = text[start + 1]!;
  const close = open === "(" ? ")" : "}";
  let depth = 0;
  let quote: string | null = null;
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === "\\" && quote === '"') index++;
      else if (char === quote) quote = null;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === "\\") index++;
    else if (char === open) depth++;
    else if (char === close && --depth === 0) return index + 1;
  }
  return text.length;
}

const SPECIAL = "<>|;&";

/** Whether the character at `index` of a quoted string needs the quoted-string loop's attention. */
function endsQuotedRun(command: string, index: number, quote: string): boolean {
  const char = command[index]!;
  return (
    char === quote ||
    (quote === '"' && (char === "\\" || (char === "$" && /[({]/.test(command[index + 1] ?? ""))))
  );
}

/** Whether the character at `index`, inside a word, is anything but an ordinary character of it. */
function endsWordRun(command: string, index: number): boolean {
  const char = command[index]!;
  return (
    char === " " ||
    char === "\t" ||
    char === "\n" ||
    char === "\r" ||
    char === "'" ||
    char === '"' ||
    char === "\\" ||
    char === "`" ||
    (char === "$" && /[({]/.test(command[index + 1] ?? "")) ||
    SPECIAL.includes(char)
  );
}

/** Reads a quoted string starting at `start`; returns the index after its closing quote. */
function readQuoted(command: string, start: number, append: (raw: string, value: string) => void): number {
  const quote = command[start]!;
  let end = start + 1;
  let inner = "";
  while (end < command.length && command[end] !== quote) {
    if (quote === '"' && command[end] === "\\" && end + 1 < command.length) {
      inner += command[end + 1];
      end += 2;
    } else if (quote === '"' && command[end] === "$" && /[({]/.test(command[end + 1] ?? "")) {
      const after = skipSubstitution(command, end);
      inner += command.slice(end, after);
      end = after;
    } else {
      // A run of ordinary characters at once: appending them one by one was most of a 1 MB parse's shell time.
      let runEnd = end + 1;
      while (runEnd < command.length && !endsQuotedRun(command, runEnd, quote)) runEnd++;
      inner += command.slice(end, runEnd);
      end = runEnd;
    }
  }
  append(command.slice(start, Math.min(end + 1, command.length)), inner);
  return end + 1;
}

export function tokenizeShellWords(command: string): ShellWord[] {
  const words: ShellWord[] = [];
  let raw = "";
  let value = "";
  let isInWord = false;
  const flush = () => {
    if (isInWord) words.push({ raw, value, isOperator: false });
    raw = "";
    value = "";
    isInWord = false;
  };

  let index = 0;
  while (index < command.length) {
    const char = command[index]!;
    if (char === "\\" && command[index + 1] === "\n") {
      flush();
      index += 2;
    } else if (char === " " || char === "\t" || char === "\n" || char === "\r") {
      flush();
      index++;
    } else if (char === "#" && !isInWord) {
      break;
    } else if (char === "'" || char === '"') {
      index = readQuoted(command, index, (rawPart, valuePart) => {
        raw += rawPart;
        value += valuePart;
      });
      isInWord = true;
    } else if (char === "\\") {
      raw += command.slice(index, index + 2);
      value += command[index + 1] ?? "";
      isInWord = true;
      index += 2;
    } else if ((char === "$" && /[({]/.test(command[index + 1] ?? "")) || char === "`") {
      const end = skipSubstitution(command, index);
      raw += command.slice(index, end);
      value += command.slice(index, end);
      isInWord = true;
      index = end;
    } else if (SPECIAL.includes(char) || (!isInWord && /\d/.test(char) && command[index + 1] === ">")) {
      // Only here is a look-ahead slice worth its cost.
      const rest = command.slice(index, index + 64);
      const placeholder = char === "<" ? PLACEHOLDER.exec(rest)?.[0] : undefined;
      if (placeholder !== undefined) {
        raw += placeholder;
        value += placeholder;
        isInWord = true;
        index += placeholder.length;
      } else if (isInWord) {
        flush();
      } else {
        const operator = OPERATOR.exec(rest)?.[0] ?? char;
        words.push({ raw: operator, value: operator, isOperator: true });
        index += operator.length;
      }
    } else {
      // This character and the ordinary ones after it (inside a word, `#` and digits are ordinary).
      let runEnd = index + 1;
      while (runEnd < command.length && !endsWordRun(command, runEnd)) runEnd++;
      const run = command.slice(index, runEnd);
      raw += run;
      value += run;
      isInWord = true;
      index = runEnd;
    }
  }
  flush();
  return words;
}
