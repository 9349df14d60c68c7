import type { Token, Tokens } from "marked";
import { inlineText, stripInlineMarkdown } from "./inline-text";
import { parseAlertHeading, parseAlertTable, severityWordOf } from "./parse-alert-table";
import { parseCodeBlock } from "./parse-code-block";
import { parseTimelockMention, parseWait } from "./parse-duration";
import { parseSeverityHeading, parseSeverityPairs, parseSeverityTable } from "./parse-severity-table";
import { addAlertCondition, addAlertLine, addSeverityField, BOLD_ONLY, FIELD_LINE } from "./read-field-lines";
import { addProseCallSteps, readListItem } from "./read-list-item";
import {
  addStep,
  createSectionDraft,
  currentSection,
  type RunbookBuilder,
  sectionFieldOf,
  setSectionField,
} from "./runbook-builder";
import type { RunbookStep } from "./schemas";
import { splitNestedItems } from "./split-nested-items";

// Walks marked's block tokens, filling a RunbookBuilder. Anything it does not recognise becomes a note.

const TABLE_OF_CONTENTS = /^(?:table of )?contents$/i;

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
  if (severity) builder.levelInScope = { name: severity.name, depth };
  else if (builder.levelInScope && depth <= builder.levelInScope.depth) builder.levelInScope = null;

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

/** `**1. Identify Previous Implementation**`: a numbered step written as a bold line. */
const BOLD_NUMBERED = /^(?:step\s*)?(\d{1,3})\s*[.):]\s+\S/i;

function handleParagraph(builder: RunbookBuilder, markdown: string): void {
  const section = currentSection(builder);
  const rest: string[] = [];
  for (const line of markdown.split("\n")) {
    // Loops, not push(...spread): a 2 MB line of pairs would overflow the argument stack.
    for (const pair of parseSeverityPairs(line)) builder.severities.push(pair);
    const field = FIELD_LINE.exec(line.trim());
    const known = field ? sectionFieldOf(field[1]!) : null;
    if (field) addSeverityField(builder, field[1]!, field[2]!);
    if (field) addAlertCondition(builder, field[1]!, field[2]!);
    addAlertLine(builder, stripInlineMarkdown(line));
    if (field && known) setSectionField(section, known, stripInlineMarkdown(field[2]!));
    else rest.push(line.trim());
  }
  const text = rest.join("\n").trim();
  if (text === "") return;
  const bold = BOLD_ONLY.exec(text);
  if (bold) {
    builder.lastLabel = bold[1]!.replace(/:$/, "").trim();
    const numbered = BOLD_NUMBERED.exec(builder.lastLabel);
    if (numbered) {
      const ordinal = Number(numbered[1]);
      const wait = parseWait(builder.lastLabel);
      const timelock = parseTimelockMention(builder.lastLabel);
      addStep(
        builder,
        wait !== null
          ? { kind: "wait", text: builder.lastLabel, durationSeconds: wait, ordinal }
          : {
              kind: "check",
              text: builder.lastLabel,
              ordinal,
              ...(timelock !== null && { durationSeconds: timelock }),
            },
      );
      return;
    }
    addStep(builder, { kind: "note", text: builder.lastLabel, isHeading: true });
    setPendingDelay(builder, builder.lastLabel);
    return;
  }
  const plain = stripInlineMarkdown(text);
  const wait = parseWait(plain);
  if (wait === null && addProseCallSteps(builder, text, plain)) return;
  addStep(builder, wait === null ? { kind: "note", text } : { kind: "wait", text, durationSeconds: wait });
  if (wait === null) setPendingDelay(builder, plain);
}

function setPendingDelay(builder: RunbookBuilder, text: string): void {
  const seconds = parseTimelockMention(text);
  if (seconds !== null) builder.pendingDelay = { text, seconds };
}

/** The block's first transaction starts the delay its introduction stated; the wait goes right after it. */
function insertPendingDelay(steps: RunbookStep[], delay: { text: string; seconds: number }): void {
  const first = steps.findIndex((step) => step.kind === "action");
  if (first < 0 || steps[first + 1]?.kind === "wait") return;
  steps.splice(first + 1, 0, { kind: "wait", text: delay.text, durationSeconds: delay.seconds });
}

function handleList(builder: RunbookBuilder, list: Tokens.List): void {
  const start = typeof list.start === "number" ? list.start : 1;
  list.items.forEach((item, index) => {
    const children = item.tokens.filter((token) => token.type !== "checkbox");
    const first = children[0];
    const hasText = first !== undefined && (first.type === "text" || first.type === "paragraph");
    // Nested list lines marked left in the text are items of their own (split-nested-items.ts).
    const { own, nested } = splitNestedItems(hasText ? (first as Tokens.Text).text : "");
    if (own.text !== "") {
      readListItem(builder, own.text, {
        isTask: item.task || own.checked !== null,
        checked: item.task ? item.checked === true : own.checked === true,
        ordinal: list.ordered ? start + index : null,
      });
    }
    for (const child of nested) {
      readListItem(builder, child.text, {
        isTask: child.checked !== null,
        checked: child.checked === true,
        ordinal: null,
      });
    }
    walkTokens(builder, hasText ? children.slice(1) : children);
  });
}

function handleTable(builder: RunbookBuilder, table: Tokens.Table): void {
  const cellText = (cell: Tokens.TableCell) => inlineText(cell.text).trim();
  const header = table.header.map(cellText);
  const rows = table.rows.map((row) => row.map(cellText));
  for (const level of parseSeverityTable(header, rows) ?? []) builder.severities.push(level);
  // Raw cells too: a section column's link keeps its destination only as written.
  const alerts = parseAlertTable(
    header,
    rows,
    table.rows.map((row) => row.map((cell) => cell.text)),
  );
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
      builder.pendingDelay = null;
      handleHeading(builder, token as Tokens.Heading);
      continue;
    }
    if (builder.isSkipping) continue;
    // A stated delay reaches only the code block right after the text that stated it.
    const pendingDelay = builder.pendingDelay;
    if (token.type !== "space") builder.pendingDelay = null;
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
        const steps = parseCodeBlock(builder, code.text, code.lang ?? "");
        if (pendingDelay) insertPendingDelay(steps, pendingDelay);
        for (const step of steps) addStep(builder, step);
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
