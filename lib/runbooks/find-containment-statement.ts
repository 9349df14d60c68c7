import type { ParsedRunbook, RunbookStep } from "./schemas";

// What a team writes when landing the step ends the bleeding: "This contains the incident", "mark the
// incident contained", "the incident is contained once verified". Only an explicit statement counts: a pause
// alone is offered as containment (one click), recorded automatically only when the runbook says so.
const CONTAINMENT_STATEMENT =
  /\bcontains the incident\b|\bincident (?:is|as) contained\b|\bmarks? (?:the incident )?(?:as )?contained\b/i;

function stepText(step: RunbookStep): string {
  return `${step.text} ${step.comment ?? ""}`;
}

/**
 * The sentence of the runbook that says verifying this action contains the incident: in the action's own
 * step, or in the prose of its section (a section is one procedure: "Pause (Guardian Safe)"). null when the
 * runbook says nothing of the kind.
 */
export function findContainmentStatement(parsed: ParsedRunbook, actionIndex: number): string | null {
  const action = parsed.actions[actionIndex];
  if (!action) return null;
  const section = parsed.runbooks.find((candidate) => candidate.anchor === action.runbook);
  if (!section) return null;
  const own = section.steps.find((step) => step.kind === "action" && step.actionIndex === actionIndex);
  const candidates = [
    ...(own ? [own] : []),
    ...section.steps.filter((step) => step.kind === "note" || step.kind === "check"),
  ];
  for (const step of candidates) {
    const text = stepText(step);
    const match = CONTAINMENT_STATEMENT.exec(text);
    if (!match) continue;
    // The sentence around the match, so the timeline quotes what the team wrote.
    const start = Math.max(0, text.lastIndexOf(".", match.index) + 1);
    const end = text.indexOf(".", match.index + match[0].length);
    const sentence = text.slice(start, end < 0 ? undefined : end + 1).trim();
    return sentence.length > 200 ? `${sentence.slice(0, 197)}…` : sentence;
  }
  return null;
}
