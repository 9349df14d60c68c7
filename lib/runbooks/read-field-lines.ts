import { stripInlineMarkdown } from "./inline-text";
import { isConditionField, parseAlertLine } from "./parse-alert-table";
import { parseSeverityField } from "./parse-severity-table";
import { currentSection, type RunbookBuilder } from "./runbook-builder";

// Lines that mean the same in a paragraph and in a list item: `**Key:** value` fields, alert lines and
// alert conditions, a severity level's fields under its heading.

/** `**Key:** value` or `**Key**: value`. */
export const FIELD_LINE = /^\*\*([^*]+?)(?::\*\*|\*\*\s*:)\s*(.*)$/;
/** A line that is only bold text: a label for what follows. */
export const BOLD_ONLY = /^\*\*([^*]+?)\*\*\s*:?$/;

export function addAlertLine(builder: RunbookBuilder, text: string): void {
  const line = parseAlertLine(text);
  if (!line) return;
  builder.alerts.push({
    alert: line.alert,
    runbookRef: null,
    foundIn: currentSection(builder).anchor,
    isExplicit: true,
    severity: null,
    contextSeverity: null,
    condition: line.condition,
  });
}

/** `**Fires when:** X` in a section: the condition of the alert the section answers (no route of its own). */
export function addAlertCondition(builder: RunbookBuilder, key: string, value: string): void {
  if (!isConditionField(key) || value.trim() === "") return;
  builder.alerts.push({
    alert: null,
    runbookRef: null,
    foundIn: currentSection(builder).anchor,
    isExplicit: false,
    severity: null,
    contextSeverity: null,
    condition: stripInlineMarkdown(value),
  });
}

export function addSeverityField(builder: RunbookBuilder, key: string, value: string): void {
  if (!builder.levelInScope) return;
  const candidate = parseSeverityField(builder.levelInScope.name, key, stripInlineMarkdown(value));
  if (candidate) builder.severities.push(candidate);
}
