import type { AlertCandidate } from "./parse-alert-table";
import type { AlertRoute, RunbookSection, SeverityLevel } from "./schemas";

// Turns alert candidates into one route per alert name. A table's "Runbook Section" cell is resolved to
// an anchor ("§2" → the section numbered 2, "#anchor", "[text](#anchor)", or a section title); without
// one, the alert routes to the section the table is in, until an explicit route (an alert heading or an
// "Alert: X" line inside a section) names a better one. Severity: the table's own column, else the
// target section's severity when it is one of the scheme's levels, else a word from the table's heading.

type SectionIndex = { byNumber: Map<string, string>; anchors: Set<string>; byTitle: Map<string, string> };

/** Lookups built once: a runbook with thousands of sections and alerts must not resolve in O(n²). */
function indexSections(sections: readonly RunbookSection[]): SectionIndex {
  const index: SectionIndex = { byNumber: new Map(), anchors: new Set(), byTitle: new Map() };
  for (const section of sections) {
    index.anchors.add(section.anchor);
    const number = /^(\d+(?:\.\d+)*)[.)]?\s/.exec(section.title)?.[1];
    if (number !== undefined && !index.byNumber.has(number)) index.byNumber.set(number, section.anchor);
    const title = section.title.toLowerCase();
    if (!index.byTitle.has(title)) index.byTitle.set(title, section.anchor);
  }
  return index;
}

function resolveSectionRef(ref: string, index: SectionIndex): string | null {
  const text = ref.trim();
  const number = /^(?:§|section)\s*(\d+(?:\.\d+)*)$/i.exec(text)?.[1];
  if (number !== undefined) return index.byNumber.get(number) ?? null;
  const anchor = /^\[[^\]]*\]\(#([^)]+)\)$/.exec(text)?.[1] ?? /^#(\S+)$/.exec(text)?.[1];
  if (anchor !== undefined) return index.anchors.has(anchor) ? anchor : null;
  return index.byTitle.get(text.toLowerCase()) ?? null;
}

export function resolveAlertRoutes(
  candidates: readonly AlertCandidate[],
  sections: readonly RunbookSection[],
  levels: readonly SeverityLevel[],
): AlertRoute[] {
  const levelNames = new Set(levels.map((level) => level.name));
  const byAnchor = new Map(sections.map((section) => [section.anchor, section]));
  const routes = new Map<string, AlertRoute & { isExplicit: boolean }>();
  const index = indexSections(sections);

  for (const candidate of candidates) {
    const resolved = candidate.runbookRef === null ? null : resolveSectionRef(candidate.runbookRef, index);
    const runbook = resolved ?? candidate.foundIn;
    if (runbook === null || !byAnchor.has(runbook)) continue;
    const isExplicit = candidate.isExplicit || resolved !== null;
    const targetSeverity = byAnchor.get(runbook)?.severity ?? null;
    const severity =
      candidate.severity ??
      (targetSeverity !== null && levelNames.has(targetSeverity) ? targetSeverity : null) ??
      candidate.contextSeverity;

    const existing = routes.get(candidate.alert);
    if (!existing) {
      routes.set(candidate.alert, {
        alert: candidate.alert,
        runbook,
        severity,
        condition: candidate.condition,
        isExplicit,
      });
      continue;
    }
    if (!existing.isExplicit && isExplicit) {
      existing.runbook = runbook;
      existing.isExplicit = true;
    }
    existing.severity ??= severity;
    existing.condition ??= candidate.condition;
  }
  return [...routes.values()].map(({ isExplicit: _isExplicit, ...route }) => route);
}
