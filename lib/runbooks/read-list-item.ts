import { toInferredAction } from "./build-inferred-action";
import { findProseCalls } from "./find-prose-calls";
import { stripInlineMarkdown } from "./inline-text";
import { parseCodeBlock } from "./parse-code-block";
import { parseTimelockMention, parseWait } from "./parse-duration";
import { parseSeverityListItem } from "./parse-severity-table";
import { addAlertCondition, addAlertLine, addSeverityField, BOLD_ONLY, FIELD_LINE } from "./read-field-lines";
import { addStep, currentSection, type RunbookBuilder } from "./runbook-builder";
import type { RunbookStep } from "./schemas";

// One list item's own text as a step (its nested lists are walked by walk-runbook-tokens.ts): a checklist
// item, a numbered step, a wait, or a note, with the commands and contract calls written in it.

const INLINE_CODE = /`([^`]+)`/g;
const SHELL_WORD =
  /^(?:\$\s+)?(?:cast|forge|anvil|npx|npm|pnpm|yarn|node|kubectl|helm|docker|docker-compose|wasmcli|curl|wget|grpcurl|git|aws|gcloud|az|ssh|scp|systemctl|journalctl|psql|etcdctl|openssl|make|just|\.\/[\w./-]+)\s/;

/** Steps for an inline `cast send ...` in a list item, and the first other shell command to copy. */
function inlineCommands(builder: RunbookBuilder, text: string): { steps: RunbookStep[]; command?: string } {
  // Most items have no code span; matchAll's iterator is most of an item's cost on a file of 500,000.
  if (!text.includes("`")) return { steps: [] };
  const steps: RunbookStep[] = [];
  let command: string | undefined;
  for (const match of text.matchAll(INLINE_CODE)) {
    const code = match[1]!.trim();
    if (!SHELL_WORD.test(`${code} `)) continue;
    if (/^(?:\$\s+)?cast\s+(?:send|call)\s/.test(code)) {
      for (const step of parseCodeBlock(builder, code, "bash")) steps.push(step);
    } else command ??= code;
  }
  return { steps, command };
}

/**
 * A step that states contract calls in prose ("Execute pauseAll() on Orchestrator") is those calls: an
 * inferred action (or read) each, then the delay the text mentions, which gates what follows (as a
 * `# starts the 48 hour delay` comment after a cast send does). False when the text states no call.
 */
export function addProseCallSteps(builder: RunbookBuilder, text: string, plain: string): boolean {
  const section = currentSection(builder);
  const calls = findProseCalls(plain, section.contract);
  if (calls.length === 0) return false;
  for (const call of calls) {
    const actionIndex = builder.actions.length;
    builder.actions.push(toInferredAction(call, section.anchor));
    const expect = builder.actions[actionIndex]!.expect;
    if (call.kind === "send") addStep(builder, { kind: "action", text, actionIndex });
    else addStep(builder, { kind: "verify", text, actionIndex, ...(expect !== null && { expect }) });
  }
  const delay = parseTimelockMention(plain);
  if (delay !== null) addStep(builder, { kind: "wait", text, durationSeconds: delay });
  return true;
}

export type ItemShape = { isTask: boolean; checked: boolean; ordinal: number | null };

export function readListItem(builder: RunbookBuilder, text: string, shape: ItemShape): void {
  const plain = stripInlineMarkdown(text);
  const severity = parseSeverityListItem(plain);
  if (severity) builder.severities.push(severity);
  const field = FIELD_LINE.exec(text);
  if (field) addSeverityField(builder, field[1]!, field[2]!);
  if (field) addAlertCondition(builder, field[1]!, field[2]!);
  addAlertLine(builder, plain);
  const { steps, command } = inlineCommands(builder, text);
  const wait = parseWait(plain);
  if (BOLD_ONLY.test(text)) builder.lastLabel = plain.replace(/:$/, "");
  // A cast command in the item is the call as written; prose is read only when there is none.
  if (steps.length === 0 && wait === null && addProseCallSteps(builder, text, plain)) return;
  const timelock = parseTimelockMention(plain);
  const ordinal = shape.ordinal === null ? {} : { ordinal: shape.ordinal };
  let step: RunbookStep;
  if (shape.isTask) {
    // A checklist item stays checkable; a wait it states is its duration ("- [ ] Wait 24 hours").
    step = { kind: "check", text, checked: shape.checked };
    if (wait !== null) step.durationSeconds = wait;
  } else if (wait !== null) {
    step = { kind: "wait", text, durationSeconds: wait, ...ordinal };
  } else if (shape.ordinal !== null || timelock !== null) {
    // A bullet that starts a delay ("Queue the change (48 hour delay - coordinate with team)") is a step
    // to do and to wait on, not reading material.
    step = { kind: "check", text, ...ordinal };
  } else {
    step = { kind: "note", text };
  }
  if (step.kind === "check") {
    if (timelock !== null) step.durationSeconds ??= timelock;
    if (command !== undefined) step.command = command;
  }
  addStep(builder, step);
  for (const inline of steps) addStep(builder, inline);
}
