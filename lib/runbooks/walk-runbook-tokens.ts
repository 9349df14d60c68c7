import type { Token, Tokens } from "marked";
import { inlineText, stripInlineMarkdown } from "./inline-text";
import { parseAlertHeading, parseAlertLine, parseAlertTable, severityWordOf } from "./parse-alert-table";
import { parseCodeBlock } from "./parse-code-block";
import { parseTimelockMention, parseWait } from "./parse-duration";
import {
  parseSeverityHeading,
  parseSeverityListItem,
  parseSeverityPairs,
  parseSeverityTable,
} from "./parse-severity-table";
import {
  addStep,
  createSectionDraft,
  currentSection,
  type RunbookBuilder,
  sectionFieldOf,
  setSectionField,
} from "./runbook-builder";
import type { RunbookStep } from "./schemas";

/** Walks marked's block tokens, filling a RunbookBuilder. Anything it does not recognise becomes a note. */

const TABLE_OF_CONTENTS = /^(?:table of )?contents$/i;
const FIELD_LINE = /^\*\*([^*]+?)(?::\*\*|\*\*\s*:)\s*(.*)$/;
const BOLD_ONLY = /^\*\*([^*]+?)\*\*\s*:?$/;
const INLINE_CODE = /`([^`]+)`/g;
const SHELL_WORD =
  /^(?:\$\s+)?(?:cast|forge|anvil|npx|npm|pnpm|yarn|node|kubectl|helm|docker|docker-compose|wasmcli|curl|wget|grpcurl|git|aws|gcloud|az|ssh|scp|systemctl|journalctl|psql|etcdctl|openssl|make|\.\/[\w./-]+)\s/;

function handleHeading(builder: RunbookBuilder, token: Tokens.Heading): void {
  const text = inlineText(token.text).trim();
  const anchor = builder.slug(text);
  const depth = token.depth;
  builder.headings.length = depth;
  builder.headings[depth] = text;
  builder.lastLabel = text;
  const isFirstHeading = builder.title === null && builder.sections.length === 0 && builder.current === null;
  if (depth === 1 && isFirstHeading) {
    builder.title = text;
    builder.preamble.title = text;
    builder.preamble.anchor = anchor;
    return;
  }
  const severity = parseSeverityHeading(text);
  if (severity) builder.severities.push(severity);

  if (depth <= 3) {
    if (TABLE_OF_CONTENTS.test(text)) {
      builder.isSkipping = true;
      builder.current = null;
      return;
    }
    builder.isSkipping = false;
    const isTop = depth <= 2;
    const parent = isTop ? null : builder.currentTop;
    const section = createSectionDraft(
      { title: text, anchor, level: depth, parent: parent?.anchor ?? null },
      parent,
    );
    if (severity) setSectionField(section, "severity", severity.name);
    builder.sections.push(section);
    builder.current = section;
    if (isTop) builder.currentTop = section;
  } else if (!builder.isSkipping) {
    addStep(builder, { kind: "note", text, isHeading: true });
  }
  const alert = parseAlertHeading(text);
  if (alert && !builder.isSkipping) {
    const foundIn = currentSection(builder).anchor;
    builder.alerts.push({
      ...alert,
      runbookRef: null,
      foundIn,
      isExplicit: true,
      contextSeverity: null,
      condition: null,
    });
  }
}

function addAlertLine(builder: RunbookBuilder, text: string): void {
  const alert = parseAlertLine(text);
  if (!alert) return;
  const foundIn = currentSection(builder).anchor;
  builder.alerts.push({
    alert,
    runbookRef: null,
    foundIn,
    isExplicit: true,
    severity: null,
    contextSeverity: null,
    condition: null,
  });
}

function handleParagraph(builder: RunbookBuilder, markdown: string): void {
  const section = currentSection(builder);
  const rest: string[] = [];
  for (const line of markdown.split("\n")) {
    builder.severities.push(...parseSeverityPairs(line));
    const field = FIELD_LINE.exec(line.trim());
    const known = field ? sectionFieldOf(field[1]!) : null;
    if (field && known) setSectionField(section, known, stripInlineMarkdown(field[2]!));
    else rest.push(line.trim());
  }
  const text = rest.join("\n").trim();
  if (text === "") return;
  addAlertLine(builder, stripInlineMarkdown(text));
  const bold = BOLD_ONLY.exec(text);
  if (bold) {
    builder.lastLabel = bold[1]!.replace(/:$/, "").trim();
    addStep(builder, { kind: "note", text: builder.lastLabel, isHeading: true });
    return;
  }
  const wait = parseWait(stripInlineMarkdown(text));
  addStep(builder, wait === null ? { kind: "note", text } : { kind: "wait", text, durationSeconds: wait });
}

/** Steps for an inline `cast send ...` in a list item, and the first other shell command to copy. */
function inlineCommands(builder: RunbookBuilder, text: string): { steps: RunbookStep[]; command?: string } {
  const steps: RunbookStep[] = [];
  let command: string | undefined;
  for (const match of text.matchAll(INLINE_CODE)) {
    const code = match[1]!.trim();
    if (!SHELL_WORD.test(`${code} `)) continue;
    if (/^(?:\$\s+)?cast\s+(?:send|call)\s/.test(code)) {
      steps.push(...parseCodeBlock(builder, code, "bash"));
    } else command ??= code;
  }
  return { steps, command };
}

function handleList(builder: RunbookBuilder, list: Tokens.List): void {
  const start = typeof list.start === "number" ? list.start : 1;
  list.items.forEach((item, index) => {
    const children = item.tokens.filter((token) => token.type !== "checkbox");
    const first = children[0];
    const hasText = first !== undefined && (first.type === "text" || first.type === "paragraph");
    const text = hasText ? (first as Tokens.Text).text.trim() : "";
    const plain = stripInlineMarkdown(text);
    if (text !== "") {
      const severity = parseSeverityListItem(plain);
      if (severity) builder.severities.push(severity);
      addAlertLine(builder, plain);
      const { steps, command } = inlineCommands(builder, text);
      const wait = parseWait(plain);
      const timelock = parseTimelockMention(plain);
      let step: RunbookStep;
      if (item.task) {
        step = { kind: "check", text, checked: item.checked === true };
      } else if (wait !== null) {
        step = { kind: "wait", text, durationSeconds: wait, ...(list.ordered && { ordinal: start + index }) };
      } else if (list.ordered) {
        step = { kind: "check", text, ordinal: start + index };
      } else {
        step = { kind: "note", text };
      }
      if (step.kind === "check") {
        if (timelock !== null) step.durationSeconds = timelock;
        if (command !== undefined) step.command = command;
      }
      addStep(builder, step);
      for (const inline of steps) addStep(builder, inline);
      if (BOLD_ONLY.test(text)) builder.lastLabel = plain.replace(/:$/, "");
    }
    walkTokens(builder, hasText ? children.slice(1) : children);
  });
}

function handleTable(builder: RunbookBuilder, table: Tokens.Table): void {
  const cellText = (cell: Tokens.TableCell) => inlineText(cell.text).trim();
  const header = table.header.map(cellText);
  const rows = table.rows.map((row) => row.map(cellText));
  builder.severities.push(...(parseSeverityTable(header, rows) ?? []));
  const alerts = parseAlertTable(header, rows);
  if (alerts) {
    const foundIn = currentSection(builder).anchor;
    const contextSeverity = severityWordOf(builder.headings.filter(Boolean).at(-1) ?? "");
    for (const alert of alerts) builder.alerts.push({ ...alert, foundIn, contextSeverity });
  }
  addStep(builder, { kind: "note", text: header.join(" | "), table: { header, rows } });
}

export function walkTokens(builder: RunbookBuilder, tokens: readonly Token[]): void {
  for (const token of tokens) {
    if (token.type === "heading") {
      handleHeading(builder, token as Tokens.Heading);
      continue;
    }
    if (builder.isSkipping) continue;
    switch (token.type) {
      case "paragraph":
      case "text":
        handleParagraph(builder, (token as Tokens.Paragraph).text);
        break;
      case "list":
        handleList(builder, token as Tokens.List);
        break;
      case "code": {
        const code = token as Tokens.Code;
        for (const step of parseCodeBlock(builder, code.text, code.lang ?? "")) addStep(builder, step);
        break;
      }
      case "table":
        handleTable(builder, token as Tokens.Table);
        break;
      case "blockquote":
        walkTokens(builder, (token as Tokens.Blockquote).tokens);
        break;
      case "html": {
        const html = (token as Tokens.HTML).text.trim();
        if (html !== "" && !html.startsWith("<!--")) addStep(builder, { kind: "note", text: html });
        break;
      }
      case "space":
      case "hr":
      case "def":
      case "checkbox":
        break;
      default:
        if ("raw" in token && typeof token.raw === "string" && token.raw.trim() !== "") {
          addStep(builder, { kind: "note", text: token.raw.trim() });
        }
    }
  }
}
