import { capMarkdownNesting, MAX_MARKERS } from "./cap-markdown-nesting";
import { createHeadingSlugger } from "./create-heading-slugger";
import { createMarkdownLexer } from "./create-markdown-lexer";
import { mergeSeverityLevels } from "./merge-severity-levels";
import { repairMojibake } from "./repair-mojibake";
import { resolveAlertRoutes } from "./resolve-alert-routes";
import { createRunbookBuilder, type SectionDraft } from "./runbook-builder";
import type { ParsedRunbook, RunbookSection } from "./schemas";
import { walkTokens } from "./walk-runbook-tokens";

// Parses an operational runbook (Markdown) into procedures, contract actions, severity levels, alert
// routes and communication templates. Pure, and total: it never throws; what it does not recognise
// becomes a note step.

const MAX_WARNINGS = 20;

function nestingWarnings(lines: readonly number[]): string[] {
  const warnings = lines
    .slice(0, MAX_WARNINGS)
    .map((line) => `line ${line}: nested more than ${MAX_MARKERS} levels deep; read at that depth`);
  if (lines.length > MAX_WARNINGS)
    warnings.push(`and ${lines.length - MAX_WARNINGS} more lines nested too deep`);
  return warnings;
}

/** Field by field, in the schema's order: a rest spread takes V8's slow path, 300,000 times for a file of headings. */
function toSection(draft: SectionDraft): RunbookSection {
  return {
    title: draft.title,
    anchor: draft.anchor,
    level: draft.level,
    parent: draft.parent,
    severity: draft.severity,
    contract: draft.contract,
    when: draft.when,
    who: draft.who,
    steps: draft.steps,
  };
}

export function parseRunbook(markdown: string): ParsedRunbook {
  const source = typeof markdown === "string" ? markdown : String(markdown ?? "");
  const { text: repaired, isRepaired } = repairMojibake(
    source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"),
  );
  const { text, cappedLines } = capMarkdownNesting(repaired);
  // Block tokens only: paragraphs and list items are read from their raw text, and headings and table
  // cells through inline-text.ts, which is linear where marked's inline lexer is not.
  const lexer = createMarkdownLexer();
  const builder = createRunbookBuilder(createHeadingSlugger());
  // No try/catch on purpose: totality is a property the tests check (parse-runbook.property.test.ts),
  // and a swallowed exception would hide the bug that broke it.
  walkTokens(builder, lexer.blockTokens(text));

  const isPreambleKept = builder.preamble.steps.some((step) => step.kind !== "note");
  const drafts = isPreambleKept ? [builder.preamble, ...builder.sections] : builder.sections;
  if (
    isPreambleKept &&
    builder.title === null &&
    builder.sections.some((section) => section.anchor === "overview")
  ) {
    builder.preamble.anchor = "overview-preamble";
  }
  const runbooks = drafts.map(toSection);
  const severityLevels = mergeSeverityLevels(builder.severities);
  // Built only for a runbook with actions or templates to check: most files of many headings have neither.
  let anchors: Set<string> | null = null;
  const orphan = (anchor: string | null) => {
    if (anchor === null) return null;
    anchors ??= new Set(runbooks.map((runbook) => runbook.anchor));
    return anchors.has(anchor) ? anchor : null;
  };

  return {
    title: builder.title,
    isMojibakeRepaired: isRepaired,
    severityLevels,
    runbooks,
    actions: builder.actions.map((action) => ({ ...action, runbook: orphan(action.runbook) })),
    alertRoutes: resolveAlertRoutes(builder.alerts, runbooks, severityLevels),
    templates: builder.templates.map((template) => ({ ...template, runbook: orphan(template.runbook) })),
    warnings: nestingWarnings(cappedLines),
  };
}
