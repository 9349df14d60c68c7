import type { Token } from "marked";

/** Plain text of marked inline tokens: what a reader sees, with Markdown syntax gone (for slugs and cells). */
export function inlineText(tokens: readonly Token[] | undefined, fallback = ""): string {
  if (!tokens || tokens.length === 0) return fallback;
  let text = "";
  for (const token of tokens) {
    if (token.type === "br") text += " ";
    else if (token.type === "html") continue;
    else if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
      text += inlineText(token.tokens as Token[]);
    } else if ("text" in token && typeof token.text === "string") text += token.text;
  }
  return text;
}

/** Plain text of a raw inline Markdown string without lexing it: strips code ticks, emphasis and links. */
export function stripInlineMarkdown(markdown: string): string {
  if (!/[`*[]/.test(markdown)) return markdown.trim();
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`+([^`]*)`+/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,:;!?)])/g, "$1$2")
    .trim();
}
