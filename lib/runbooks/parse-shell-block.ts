import { toInferredAction } from "./build-inferred-action";
import { findProseCalls } from "./find-prose-calls";
import { parseCastCommands, resolveArgValue } from "./parse-cast-command";
import { parseSleepCommand, parseTimelockMention, parseWait } from "./parse-duration";
import { createScriptReader, isScriptLine, type ScriptLineResult } from "./read-script-calls";
import type { ContractAction, RunbookStep } from "./schemas";
import { selectorOf } from "./selector-of";
import { splitShellScript } from "./split-shell-script";
import { tokenizeShellWords } from "./tokenize-shell-words";

// A shell code block as steps. `cast send`/`cast call` become action/verify steps (and entries in
// `actions`), other commands copyable command steps. Comments carry meaning in runbooks, so:
// `# Expected: X` (also `# expect X`, `# Should return: X`, `// Should return X`, or the same after the
// command on its line) is the result of the command before it, `# Wait 24 hours` a wait step (merged with a
// `sleep` right after it), `# 1. Do this` / `# Step 2: ...` a numbered manual step, a comment directly
// above a command that command's comment, and any other comment a note. A comment that tells the reader to
// execute a function ("# Execute pauseAll() on Orchestrator", under "# Manual via multi-sig") is an inferred
// action, as the same sentence in prose is (find-prose-calls.ts), unless a command right under it carries it out.

export type ShellBlockContext = {
  runbook: string | null;
  actions: ContractAction[];
  /** The section's **Contract:** field, which names the target of a call a comment states without one. */
  contract?: string | null;
};

type CommandLikeStep = Extract<RunbookStep, { kind: "command" | "verify" | "action" }>;

// "# Expected: true", and the short forms "# expect true", "# Should return: true" when what follows is one
// value (a sentence after them, "expect a short pause", is a note).
const EXPECTED = /^(?:expected(?:\s+(?:result|output|response|value))?|returns?|output)\s*[:=]\s*(.*)$/i;
const EXPECTED_SHORT = /^(?:expects?|should\s+(?:return|be|equal|show|output|print))\s*[:=]?\s+(\S+?)\.?$/i;
const NUMBERED = /^(?:step\s*)?(\d+)\s*[.):]\s+\S/i;
/** A comment that is an instruction to make a call, after its number if any: "Execute …", "2. Call …". */
const INSTRUCTION =
  /^(?:(?:step\s*)?\d+\s*[.):]\s+)?(?:then\s+|now\s+|manually\s+)?(?:execute|call|invoke|run|send|trigger|submit|propose|sign)\s/i;
const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

/**
 * The comment after a command on its own last line: `cast send ... # starts the 48 hour delay`, or
 * `cast call ... // Should return true` (JavaScript-style, which shell would read as arguments). Null when
 * the marker is inside quotes. `code` is the command without it.
 */
function trailingComment(command: string): { code: string; text: string } | null {
  const lineStart = command.lastIndexOf("\n") + 1;
  const last = command.slice(lineStart);
  const marker = /\s(?:#|\/\/)(?:\s|$)/.exec(last);
  if (!marker) return null;
  const before = last.slice(0, marker.index);
  if ((before.split('"').length - 1) % 2 === 1 || (before.split("'").length - 1) % 2 === 1) return null;
  const text = last
    .slice(marker.index)
    .replace(/^\s(?:#|\/\/)\s*/, "")
    .trim();
  return { code: command.slice(0, lineStart + marker.index).trimEnd(), text };
}

/** The delay a trailing comment states: `# starts the 48 hour delay`. */
function delayOf(text: string): number | null {
  return parseTimelockMention(text) ?? parseWait(text);
}

/** The expected value a comment states (`Expected: true`, `expect true`, `Should return: true`), or null. */
function expectedOf(text: string): string | null {
  const expected = EXPECTED.exec(text) ?? EXPECTED_SHORT.exec(text);
  return expected ? expected[1]!.trim() : null;
}

export function parseShellBlock(code: string, language: string, context: ShellBlockContext): RunbookStep[] {
  const steps: RunbookStep[] = [];
  const bindings = new Map<string, string | null>();
  let comments: string[] = [];
  let lastCommand: CommandLikeStep | null = null;
  let isAwaitingExpect = false;
  let lastWait: Extract<RunbookStep, { kind: "wait" }> | null = null;
  let readScript: ReturnType<typeof createScriptReader> | null = null;
  let isAfterScriptRead = false;

  const readScriptCommand = (command: string): ScriptLineResult => {
    readScript ??= createScriptReader();
    const result: ScriptLineResult = { calls: [], expect: null };
    for (const { calls, expect } of [...command.split("\n").map(readScript), readScript.end()]) {
      result.calls.push(...calls);
      result.expect = expect ?? result.expect;
    }
    return result;
  };
  /** The inferred actions a comment states when it is an instruction to call a function; false if none. */
  const addProseCalls = (text: string): boolean => {
    const calls = INSTRUCTION.test(text) ? findProseCalls(text, context.contract ?? null) : [];
    for (const call of calls) {
      const actionIndex = context.actions.length;
      context.actions.push(toInferredAction(call, context.runbook));
      const expect = context.actions[actionIndex]!.expect;
      const step: CommandLikeStep =
        call.kind === "send"
          ? { kind: "action", text, actionIndex }
          : { kind: "verify", text, actionIndex, ...(expect !== null && { expect }) };
      steps.push(step);
      lastCommand = step;
    }
    return calls.length > 0;
  };
  const flushComments = () => {
    for (const text of comments) if (!addProseCalls(text)) steps.push({ kind: "note", text });
    comments = [];
  };
  const setExpect = (step: CommandLikeStep, expect: string) => {
    if (step.kind === "action") context.actions[step.actionIndex]!.expect = expect;
    else {
      step.expect = expect;
      if (step.kind === "verify") context.actions[step.actionIndex]!.expect = expect;
    }
  };

  for (const line of splitShellScript(code)) {
    if (line.type === "blank") {
      flushComments();
      lastWait = null;
      continue;
    }
    if (line.type === "comment") {
      const text = line.text;
      const expected = EXPECTED.exec(text) ?? EXPECTED_SHORT.exec(text);
      // A delay mentioned right after a scheduling call ("# starts the 48 hour delay") gates what follows.
      const wait =
        parseWait(text) ??
        (lastCommand?.kind === "action" && !isAwaitingExpect ? parseTimelockMention(text) : null);
      if (expected && lastCommand) {
        if (expected[1]!.trim() === "") isAwaitingExpect = true;
        else setExpect(lastCommand, expected[1]!.trim());
      } else if (wait !== null) {
        flushComments();
        lastWait = { kind: "wait", text, durationSeconds: wait };
        const ordinal = NUMBERED.exec(text)?.[1];
        if (ordinal !== undefined) lastWait.ordinal = Number(ordinal);
        steps.push(lastWait);
      } else if (NUMBERED.test(text)) {
        flushComments();
        if (addProseCalls(text)) continue;
        steps.push({ kind: "check", text, ordinal: Number(NUMBERED.exec(text)![1]) });
      } else if (text !== "") comments.push(text);
      continue;
    }

    const command = line.text.trim();
    if (isAwaitingExpect && lastCommand) {
      isAwaitingExpect = false;
      setExpect(lastCommand, command);
      continue;
    }
    isAwaitingExpect = false;
    const comment = comments.length > 0 ? comments.join(" ") : undefined;
    comments = [];

    // A console prints a read's result on the line after it: that is the read's expected value.
    if (isAfterScriptRead && /^[^\s>$]\S*$/.test(command) && lastCommand) {
      isAfterScriptRead = false;
      setExpect(lastCommand, command);
      continue;
    }
    isAfterScriptRead = false;
    // A Hardhat console session pasted into a shell block: `> await contract.pause()`. A statement on
    // several lines (`const c = await ethers.getContractAt(` and its arguments) is read line by line, and
    // if it calls nothing it stays the command it was.
    const isMultiLine = command.includes("\n");
    const script = isScriptLine(command) ? readScriptCommand(command) : null;
    if (script !== null && (!isMultiLine || script.calls.length > 0)) {
      const { calls, expect } = script;
      for (const call of calls) {
        const actionIndex = context.actions.length;
        context.actions.push(toInferredAction(call, context.runbook));
        const step: CommandLikeStep = {
          kind: call.kind === "send" ? "action" : "verify",
          text: command,
          actionIndex,
        };
        if (comment) step.comment = comment;
        steps.push(step);
        lastCommand = step;
      }
      if (calls.length === 0) steps.push({ kind: "note", text: command, ...(comment && { comment }) });
      if (expect !== null && lastCommand) setExpect(lastCommand, expect);
      isAfterScriptRead = calls.at(-1)?.kind === "call" && expect === null;
      lastWait = null;
      continue;
    }

    const sleep = parseSleepCommand(command);
    if (sleep !== null) {
      if (lastWait) {
        lastWait.command = command;
        lastWait.durationSeconds = sleep;
      } else {
        steps.push({
          kind: "wait",
          text: command,
          durationSeconds: sleep,
          command,
          ...(comment && { comment }),
        });
      }
      lastWait = null;
      continue;
    }
    lastWait = null;

    const trailing = trailingComment(command);
    const casts = parseCastCommands(trailing?.code ?? command);
    let step: CommandLikeStep;
    if (casts.length > 0) {
      const castSteps = casts.map((cast): CommandLikeStep => {
        const signature = cast.canonical?.signature ?? null;
        const actionIndex = context.actions.length;
        context.actions.push({
          kind: cast.kind,
          target: cast.target,
          signature,
          signatureAsWritten: cast.signatureAsWritten,
          selector: signature !== null ? selectorOf(signature) : (cast.calldata?.slice(0, 10) ?? null),
          argTypes: cast.canonical?.argTypes ?? [],
          returns: cast.canonical?.returns ?? [],
          args: cast.args,
          argValues: cast.args.map((arg) => resolveArgValue(arg, bindings)),
          value: cast.value,
          calldata: cast.calldata,
          expect: null,
          command,
          runbook: context.runbook,
        });
        return { kind: cast.kind === "send" ? "action" : "verify", text: command, actionIndex };
      });
      step = castSteps.at(-1)!;
      for (const castStep of castSteps.slice(0, -1)) steps.push(castStep);
    } else {
      const assignment = ASSIGNMENT.exec(command);
      if (assignment && !command.includes("\n")) {
        const value = tokenizeShellWords(assignment[2]!)[0]?.value ?? "";
        bindings.set(assignment[1]!, resolveArgValue(value, bindings));
      }
      step = { kind: "command", text: command, command, language };
    }
    if (comment) step.comment = comment;
    steps.push(step);
    lastCommand = step;
    const trailingExpect = trailing ? expectedOf(trailing.text) : null;
    if (trailingExpect) setExpect(step, trailingExpect);
    const delay = trailing && step.kind === "action" ? delayOf(trailing.text) : null;
    if (trailing && delay !== null) steps.push({ kind: "wait", text: trailing.text, durationSeconds: delay });
  }
  flushComments();
  return steps;
}
