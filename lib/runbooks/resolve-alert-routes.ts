import type { AlertCandidate } from "./parse-alert-table";
import type { AlertRoute, RunbookSection, SeverityLevel } from "./schemas";

// Turns alert candidates into one route per alert name. A table's section cell is resolved to an anchor: a
// section's number or letter ("2", "§2", "Section 2", "A", "Runbook B" for sections titled "2. ...",
// "A. ...", "Section B: ..."), "#anchor", a link "[text](#anchor)" (or its text), or a section's title with
// or without that prefix. Without one, the alert routes to the section the table is in, until an explicit
// route (an alert heading or an "Alert: X" line inside a section) names a better one. Severity: the table's
// own column, else the target section's severity when it is one of the scheme's levels, else a word from
// the table's heading. A condition a section states without a name ("Alert: error rate > 10%") belongs to
// the alert that section answers, or, when it names none, is the alert's only name.

type SectionIndex = { byKey: Map<string, string>; anchors: Set<string>; byTitle: Map<string, string> };

/** "Section A", "§2", "§ 2": a word needs a space before its key, or "Sections" would be section S. */
const KEY_WORD =
  "(?:(?:[Ss]ection|[Rr]unbook|[Pp]rocedure|[Pp]laybook|[Ss]cenario|[Pp]art|[Ss]ec\\.)\\s+|§\\s*)";
/** "2. Oracle", "2.1 Oracle", "A. Gas", "A) Gas", "A - Gas", "Section B: RPC", "Runbook C Bridge halt". */
const KEYED_TITLE = new RegExp(
  `^(?:${KEY_WORD}([A-Za-z]|\\d+(?:\\.\\d+)*)\\b[.):]?|(\\d+(?:\\.\\d+)*)[.):]?(?=\\s)|([A-Z])(?:[.):]|\\s+[—–-]))\\s*(.*)$`,
);
/** A reference that is only a key: "A", "2", "§2", "Section A", "Runbook 3." */
const KEY_REF = new RegExp(`^(?:${KEY_WORD})?([A-Za-z]|\\d+(?:\\.\\d+)*)[.)]?$`);
const LINK = /\[([^\][]*)\]\(\s*([^()\s]*)[^()]*\)/;

function titleKey(title: string): { key: string | null; rest: string } {
  const match = KEYED_TITLE.exec(title.trim());
  if (!match) return { key: null, rest: title.trim() };
  const key = match[1] ?? match[2] ?? match[3] ?? null;
  return { key: key?.toUpperCase() ?? null, rest: match[4]!.trim() };
}

/** Lookups built once: a runbook with thousands of sections and alerts must not resolve in O(n²). */
function indexSections(sections: readonly RunbookSection[]): SectionIndex {
  const index: SectionIndex = { byKey: new Map(), anchors: new Set(), byTitle: new Map() };
  const addTitle = (title: string, anchor: string) => {
    const lower = title.toLowerCase();
    if (lower !== "" && !index.byTitle.has(lower)) index.byTitle.set(lower, anchor);
  };
  for (const section of sections) {
    index.anchors.add(section.anchor);
    const { key, rest } = titleKey(section.title);
    if (key !== null && !index.byKey.has(key)) index.byKey.set(key, section.anchor);
    addTitle(section.title, section.anchor);
    addTitle(rest, section.anchor);
  }
  return index;
}

function resolvePlainRef(text: string, index: SectionIndex): string | null {
  const plain = text.replace(/[`*_]/g, "").trim();
  const key = KEY_REF.exec(plain)?.[1];
  if (key !== undefined) return index.byKey.get(key.toUpperCase()) ?? null;
  const anchor = /^#(\S+)$/.exec(plain)?.[1];
  if (anchor !== undefined) return index.anchors.has(anchor) ? anchor : null;
  const title = index.byTitle.get(plain.toLowerCase());
  if (title !== undefined) return title;
  // "A. Gas top-up" or "Section B — RPC" as written in the cell: its title, else its key.
  const { key: writtenKey, rest } = titleKey(plain);
  return (
    index.byTitle.get(rest.toLowerCase()) ??
    (writtenKey === null ? null : (index.byKey.get(writtenKey) ?? null))
  );
}

function resolveSectionRef(ref: string, indexOf: () => SectionIndex): string | null {
  if (ref.length > 500) return null;
  const index = indexOf();
  const link = LINK.exec(ref);
  if (link) {
    // A link to another file ("gas.md#top-up") names a section of that file, not of this one.
    const destination = link[2]!;
    const hash = destination.indexOf("#");
    const anchor = hash === 0 ? decodeURIComponent(destination.slice(1)).toLowerCase() : null;
    if (anchor !== null && index.anchors.has(anchor)) return anchor;
    return hash === 0 || destination === "" ? resolvePlainRef(link[1]!, index) : null;
  }
  return resolvePlainRef(ref, index);
}

type Route = AlertRoute & { isExplicit: boolean };

export function resolveAlertRoutes(
  candidates: readonly AlertCandidate[],
  sections: readonly RunbookSection[],
  levels: readonly SeverityLevel[],
): AlertRoute[] {
  // A file of 300,000 headings and no alert table must not pay for lookups of its sections.
  if (candidates.length === 0) return [];
  const levelNames = new Set(levels.map((level) => level.name));
  const byAnchor = new Map(sections.map((section) => [section.anchor, section]));
  const routes = new Map<string, Route>();
  // Only a section cell or link needs the keys and titles; alerts found in place do not.
  let index: SectionIndex | null = null;
  const indexOf = () => {
    index ??= indexSections(sections);
    return index;
  };
  const severityOf = (candidate: AlertCandidate, runbook: string) => {
    const targetSeverity = byAnchor.get(runbook)?.severity ?? null;
    return (
      candidate.severity ??
      (targetSeverity !== null && levelNames.has(targetSeverity) ? targetSeverity : null) ??
      candidate.contextSeverity
    );
  };

  for (const candidate of candidates) {
    if (candidate.alert === null) continue;
    const resolved = candidate.runbookRef === null ? null : resolveSectionRef(candidate.runbookRef, indexOf);
    const runbook = resolved ?? candidate.foundIn;
    if (runbook === null || !byAnchor.has(runbook)) continue;
    const isExplicit = candidate.isExplicit || resolved !== null;
    const severity = severityOf(candidate, runbook);

    let route = routes.get(candidate.alert);
    if (!route) {
      route = { alert: candidate.alert, runbook, severity, condition: candidate.condition, isExplicit };
      routes.set(candidate.alert, route);
    } else {
      if (!route.isExplicit && isExplicit) {
        route.runbook = runbook;
        route.isExplicit = true;
      }
      route.severity ??= severity;
      route.condition ??= candidate.condition;
    }
  }

  // The alert a section answers, when exactly one does: a condition stated there without a name is its.
  const answeredBy = new Map<string, Route | null>();
  for (const route of routes.values())
    answeredBy.set(route.runbook, answeredBy.has(route.runbook) ? null : route);

  for (const candidate of candidates) {
    if (candidate.alert !== null || candidate.condition === null || candidate.foundIn === null) continue;
    const answering = answeredBy.get(candidate.foundIn);
    if (answering) {
      answering.condition ??= candidate.condition;
      continue;
    }
    // Only an "Alert:" line in a section no single alert answers names an alert by its condition; a
    // "Fires when:" field alone routes nothing.
    const isNaming = candidate.isExplicit && answering === undefined && byAnchor.has(candidate.foundIn);
    if (!isNaming || routes.has(candidate.condition)) continue;
    const route: Route = {
      alert: candidate.condition,
      runbook: candidate.foundIn,
      severity: severityOf(candidate, candidate.foundIn),
      condition: candidate.condition,
      isExplicit: true,
    };
    routes.set(candidate.condition, route);
    answeredBy.set(candidate.foundIn, route);
  }
  return [...routes.values()].map(({ isExplicit: _isExplicit, ...route }) => route);
}
