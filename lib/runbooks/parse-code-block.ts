import { toInferredAction } from "./build-inferred-action";
import { parseShellBlock } from "./parse-shell-block";
import { createScriptReader, isScriptLine } from "./read-script-calls";
import { currentSection, type RunbookBuilder } from "./runbook-builder";
import type { RunbookStep } from "./schemas";

// A fenced code block as steps: shell (by language, or an unlabelled block that starts like a command)
// goes to parse-shell-block.ts; an unlabelled/text block under a "...Template..." heading is a
// communication template; a markdown block of `[ ]` lines is a checklist; anything else is a note that
// keeps the code.

const SHELL_LANGUAGES = new Set([
  "bash",
  "sh",
  "shell",
  "zsh",
  "console",
  "shell-session",
  "shellsession",
  "sh-session",
  "fish",
  "ksh",
]);
const TEXT_LANGUAGES = new Set(["", "text", "txt", "plain", "plaintext", "markdown", "md"]);
const COMMAND_START =
  /^(?:\$\s+)?(?:cast|forge|anvil|npx|npm|pnpm|yarn|kubectl|helm|docker|docker-compose|wasmcli|curl|grpcurl|git|aws|gcloud|ssh|export|sudo|just|make|node|\.\/[\w./-]+|[A-Za-z_][A-Za-z0-9_]*=)(?:\s|$)|^[A-Za-z_][A-Za-z0-9_]*=\S/;
const SCRIPT_LANGUAGES = new Set([
  "js",
  "javascript",
  "ts",
  "typescript",
  "jsx",
  "tsx",
  "mjs",
  "cjs",
  "node",
]);
const CHECKBOX_LINE = /^\s*(?:[-*+]\s+)?\[([ xX])\]\s+(.+)$/;

/** A bold label that introduces a message: `**Communication:**`, `**Template:**`, `**Status page update:**`. */
const TEMPLATE_LABEL =
  /\b(?:template|communication|message|announcement|notice|status\s+page|tweet|post)s?\b/i;
/** Labels that say what the block is but not which message it is: the heading names it. */
const GENERIC_LABEL = /^(?:communications?|templates?|messages?|communication\s+template)$/i;

function nearestHeading(builder: RunbookBuilder): string | null {
  for (let depth = builder.headings.length - 1; depth > 0; depth--) {
    const heading = builder.headings[depth];
    if (heading !== undefined) return heading;
  }
  return null;
}

function looksLikeShell(code: string): boolean {
  const first = code.split("\n").find((line) => line.trim() !== "" && !line.trim().startsWith("#"));
  return first !== undefined && COMMAND_START.test(first.trim());
}

/**
 * An ethers/Hardhat script or console session: the block stays a note that keeps the code, and each
 * contract call in it is an inferred action or read after it (read-script-calls.ts).
 */
function scriptSteps(builder: RunbookBuilder, code: string, language: string): RunbookStep[] {
  const section = currentSection(builder);
  const summary =
    code
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  const steps: RunbookStep[] = [{ kind: "note", text: summary, code, ...(language !== "" && { language }) }];
  const read = createScriptReader();
  let last: Extract<RunbookStep, { kind: "action" | "verify" }> | null = null;
  const results = code.split("\n").map((line) => read(line));
  results.push(read.end());
  for (const { calls, expect } of results) {
    for (const call of calls) {
      const actionIndex = builder.actions.length;
      builder.actions.push(toInferredAction(call, section.anchor));
      const step: Extract<RunbookStep, { kind: "action" | "verify" }> = {
        kind: call.kind === "send" ? "action" : "verify",
        text: call.command,
        actionIndex,
      };
      steps.push(step);
      last = step;
    }
    if (expect !== null && last !== null) {
      builder.actions[last.actionIndex]!.expect = expect;
      if (last.kind === "verify") last.expect = expect;
    }
  }
  return steps;
}

export function parseCodeBlock(builder: RunbookBuilder, code: string, lang: string): RunbookStep[] {
  const language = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  const section = currentSection(builder);
  const isShell = SHELL_LANGUAGES.has(language) || (language === "" && looksLikeShell(code));
  if (isShell) {
    return parseShellBlock(code, language || "bash", {
      runbook: section.anchor,
      actions: builder.actions,
      contract: section.contract,
    });
  }
  if (SCRIPT_LANGUAGES.has(language)) return scriptSteps(builder, code, language);
  if (TEXT_LANGUAGES.has(language)) {
    // A template first: a ```markdown message with `[ ]` lines is text to send, not steps to tick.
    const label = builder.lastLabel ?? "";
    const isTemplate =
      TEMPLATE_LABEL.test(label) ||
      builder.headings.some((heading) => heading !== undefined && /template/i.test(heading));
    if (isTemplate && code.trim() !== "") {
      const name = GENERIC_LABEL.test(label)
        ? (nearestHeading(builder) ?? section.title)
        : label || section.title;
      const templateIndex = builder.templates.length;
      builder.templates.push({ name, runbook: section.anchor, body: code });
      return [{ kind: "note", text: name, templateIndex, code }];
    }
    const lines = code.split("\n").filter((line) => line.trim() !== "");
    if (language === "" && lines.some(isScriptLine)) return scriptSteps(builder, code, language);
    if (lines.length > 0 && lines.some((line) => CHECKBOX_LINE.test(line))) {
      return lines.map((line): RunbookStep => {
        const box = CHECKBOX_LINE.exec(line);
        return box
          ? { kind: "check", text: box[2]!.trim(), checked: box[1] !== " " }
          : { kind: "note", text: line.trim() };
      });
    }
  }
  const summary =
    code
      .split("\n")
      .find((line) => line.trim() !== "")
      ?.trim() ?? "";
  return [{ kind: "note", text: summary, code, ...(language !== "" && { language }) }];
}
