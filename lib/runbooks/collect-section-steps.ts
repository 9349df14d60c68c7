import type { ParsedRunbook, RunbookSection, RunbookStep } from "./schemas";

export type RunStep = {
  /** Position in the attached section's run (its own steps, then its subsections', in document order). */
  index: number;
  section: { anchor: string; title: string; level: number; who: string | null };
  step: RunbookStep;
};

/** A section and its subsections (the headings below it until the next one of its level or higher). */
export function sectionWithSubsections(parsed: ParsedRunbook, anchor: string): RunbookSection[] {
  const start = parsed.runbooks.findIndex((section) => section.anchor === anchor);
  if (start < 0) return [];
  const root = parsed.runbooks[start]!;
  const result = [root];
  for (const section of parsed.runbooks.slice(start + 1)) {
    if (section.level <= root.level) break;
    result.push(section);
  }
  return result;
}

/**
 * The steps of an attached section, numbered once. An H2 procedure such as "Global Protocol Pause" keeps
 * its steps in H3 subsections (Pause, Unpause, Pre-unpause Checklist), so attaching it brings them all.
 * Versions are immutable, so an index names the same step for as long as the incident keeps the version.
 */
export function collectSectionSteps(parsed: ParsedRunbook, anchor: string): RunStep[] {
  const steps: RunStep[] = [];
  for (const section of sectionWithSubsections(parsed, anchor)) {
    for (const step of section.steps) {
      steps.push({
        index: steps.length,
        section: { anchor: section.anchor, title: section.title, level: section.level, who: section.who },
        step,
      });
    }
  }
  return steps;
}

/** Steps a responder ticks off. Notes are reading material, not items. */
export function isCheckableStep(step: RunbookStep): boolean {
  return step.kind !== "note";
}
