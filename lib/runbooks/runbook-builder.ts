import type { AlertCandidate } from "./parse-alert-table";
import type { SeverityCandidate } from "./parse-severity-table";
import type { ContractAction, RunbookSection, RunbookStep, RunbookTemplate } from "./schemas";

// Mutable state while walking the token stream; parse-runbook.ts turns it into a ParsedRunbook.

export type SectionField = "severity" | "contract" | "when" | "who";

/**
 * `ownFields`: the fields a section states itself (not inherited), one bit each in FIELD_BITS. A number, not a
 * Set: a file of 300,000 headings would allocate 300,000 of them for the garbage collector to sweep.
 */
export type SectionDraft = RunbookSection & { ownFields: number };

const FIELD_BITS: Record<SectionField, number> = { severity: 1, contract: 2, when: 4, who: 8 };

export type RunbookBuilder = {
  title: string | null;
  slug: (heading: string) => string;
  sections: SectionDraft[];
  /** Content before the first section: kept as a runbook only if it has something to do in it. */
  preamble: SectionDraft;
  current: SectionDraft | null;
  currentTop: SectionDraft | null;
  /** Text of the open heading at each depth (index 1..6), for template names and alert severities. */
  headings: (string | undefined)[];
  /** Last heading or bold step heading: names the code block after it. */
  lastLabel: string | null;
  /**
   * A delay the text just before a code block states ("Schedule through timelock (6 hour emergency
   * delay):"): it gates what follows the block's first transaction.
   */
  pendingDelay: { text: string; seconds: number } | null;
  isSkipping: boolean;
  /** The severity level whose heading is open, for `**Response Time**:` lines under it. */
  levelInScope: { name: string; depth: number } | null;
  actions: ContractAction[];
  templates: RunbookTemplate[];
  severities: SeverityCandidate[];
  alerts: AlertCandidate[];
};

export function createSectionDraft(
  fields: Pick<RunbookSection, "title" | "anchor" | "level" | "parent">,
  inherited?: SectionDraft | null,
): SectionDraft {
  return {
    title: fields.title,
    anchor: fields.anchor,
    level: fields.level,
    parent: fields.parent,
    severity: inherited?.severity ?? null,
    contract: inherited?.contract ?? null,
    when: inherited?.when ?? null,
    who: inherited?.who ?? null,
    steps: [],
    ownFields: 0,
  };
}

export function createRunbookBuilder(slug: (heading: string) => string): RunbookBuilder {
  return {
    title: null,
    slug,
    sections: [],
    preamble: createSectionDraft({ title: "Overview", anchor: "overview", level: 1, parent: null }),
    current: null,
    currentTop: null,
    headings: [],
    lastLabel: null,
    pendingDelay: null,
    isSkipping: false,
    levelInScope: null,
    actions: [],
    templates: [],
    severities: [],
    alerts: [],
  };
}

export function currentSection(builder: RunbookBuilder): SectionDraft {
  return builder.current ?? builder.preamble;
}

export function addStep(builder: RunbookBuilder, step: RunbookStep): void {
  const steps = currentSection(builder).steps;
  // One delay stated twice around a timelocked call ("starts the 48 hour delay", then "# After 48 hours")
  // is one wait: a second in a row of the same length would read as twice as long.
  const last = steps.at(-1);
  if (step.kind === "wait" && last?.kind === "wait" && last.durationSeconds === step.durationSeconds) {
    if (step.command !== undefined) last.command ??= step.command;
    return;
  }
  steps.push(step);
}

export function setSectionField(section: SectionDraft, field: SectionField, value: string): void {
  const bit = FIELD_BITS[field];
  if ((section.ownFields & bit) !== 0 || value === "") return;
  section[field] = value;
  section.ownFields |= bit;
}

/** Known `**Key:** value` fields of a procedure. */
export function sectionFieldOf(key: string): SectionField | null {
  const normalized = key.trim().toLowerCase();
  if (/^contracts?$/.test(normalized)) return "contract";
  if (/^(?:when(?: to use)?|triggers?|use case)$/.test(normalized)) return "when";
  if (/^(?:severity|priority)$/.test(normalized)) return "severity";
  if (/^(?:who|roles?|required roles?|executed by|performed by)$/.test(normalized)) return "who";
  return null;
}
