// Alert routing as runbooks write it: a table with an alert column ("Alert", or "Scenario"/"Trigger"/...
// holding alert names such as "`LowGasBalance` alert"), maybe a section column ("Runbook Section": a letter,
// number, title or link of a section), a "Severity" and a condition ("Condition", "Fires when", "Trigger")
// column; a heading such as "CRITICAL: HighRPCErrorRate"; or a line in a section, "Alert: NodeDown fires" or
// "**Alert:** RPC error rate > 10% for 2+ minutes". Section references are resolved later
// (resolve-alert-routes.ts), once every section's anchor is known.

export type AlertCandidate = {
  /** Null for a condition the section states without naming the alert ("Alert: error rate > 10%"). */
  alert: string | null;
  /** "§2", "A", "#anchor", "[text](#anchor)" or a section title, as written; null when the table has no such column. */
  runbookRef: string | null;
  /** Anchor of the section the alert was found in: used when runbookRef is absent or unresolvable. */
  foundIn: string | null;
  /** True for a heading or an "Alert: X" line in the section itself, which beats a table's enclosing section. */
  isExplicit: boolean;
  severity: string | null;
  contextSeverity: string | null;
  condition: string | null;
};

const SEVERITY_WORD = /\b(critical|warning|high|medium|low|info)\b/i;

/** Alert names look like identifiers (HighRPCErrorRate, pg_up, node.down), not prose. */
function isAlertName(name: string): boolean {
  return (
    /^[A-Za-z][\w.:-]*$/.test(name) &&
    (/[a-z][A-Z]/.test(name) || /[_.:]/.test(name) || /^[A-Z]{2,}[a-z]/.test(name))
  );
}

/** "LowGasBalance", "`LowGasBalance` alert", "Alert: LowGasBalance", "LowGasBalance fires": the name. */
export function alertNameOf(cell: string): string | null {
  if (cell.length > 200) return null;
  const match =
    /^(?:alert\s*[:—–-]?\s*)?["'`]?([A-Za-z][\w.:-]*?)["'`]?(?:\s+(?:alert|alarm|fires|firing|triggered|is\s+firing))?[.:]?$/i.exec(
      cell.trim(),
    );
  return match && isAlertName(match[1]!) ? match[1]! : null;
}

export function severityWordOf(text: string): string | null {
  return SEVERITY_WORD.exec(text)?.[1]?.toLowerCase() ?? null;
}

const ALERT_HEADER = /^alerts?(?:\s*name)?$/i;
/** Headers that may hold alert names; the column counts only if most of its cells are names. */
const MAYBE_ALERT_HEADER =
  /^(?:scenario|trigger(?:ing\s+alert)?|signal|alarm|event|monitor|detector|name|\w+\s+alert)s?$/i;
const CONDITION_HEADER =
  /condition|threshold|expr(?:ession)?|query|trigger|fires?\s+(?:when|if|on)|^when$|rule|criteria/i;
const SECTION_HEADER = /runbook|section|playbook|procedure|^response$|^see$|go\s*to/i;

function isNameColumn(rows: readonly string[][], index: number): boolean {
  const cells = rows.map((row) => row[index]?.trim() ?? "").filter((cell) => cell !== "");
  const names = cells.filter((cell) => alertNameOf(cell) !== null).length;
  return cells.length > 0 && names * 2 >= cells.length;
}

/**
 * `rows` are the cells' plain text; `refs` the section column's cells as written, so that a link keeps its
 * destination (`[Gas top-up](#a-gas-top-up)`).
 */
export function parseAlertTable(
  header: string[],
  rows: string[][],
  refs?: (string | null)[][],
): Omit<AlertCandidate, "foundIn" | "contextSeverity">[] | null {
  const column = (pattern: RegExp, except: number[] = []) =>
    header.findIndex((cell, index) => !except.includes(index) && pattern.test(cell.trim()));
  let alertColumn = column(ALERT_HEADER);
  const isNamedAlertColumn = alertColumn >= 0;
  if (alertColumn < 0) {
    alertColumn = header.findIndex(
      (cell, index) => MAYBE_ALERT_HEADER.test(cell.trim()) && isNameColumn(rows, index),
    );
  }
  if (alertColumn < 0) return null;
  const conditionColumn = column(CONDITION_HEADER, [alertColumn]);
  const runbookColumn = column(SECTION_HEADER, [alertColumn, conditionColumn]);
  const severityColumn = column(/^(?:severity|sev|priority|level)$/i);
  const cell = (row: string[], index: number) => (index < 0 ? null : row[index]?.trim() || null);
  const routes = rows
    .map((row, rowIndex) => {
      const written = cell(row, alertColumn) ?? "";
      const name = alertNameOf(written) ?? (isNamedAlertColumn ? written : "");
      const ref = runbookColumn < 0 ? null : (refs?.[rowIndex]?.[runbookColumn]?.trim() ?? null);
      return {
        alert: name,
        runbookRef: ref || cell(row, runbookColumn),
        isExplicit: false,
        severity: cell(row, severityColumn),
        condition: cell(row, conditionColumn),
      };
    })
    .filter((route) => route.alert !== "");
  return routes.length > 0 ? routes : null;
}

/** "CRITICAL: HighRPCErrorRate" or "Alert: NodeDown" as a heading: the section is that alert's response. */
export function parseAlertHeading(text: string): { alert: string; severity: string | null } | null {
  const match =
    /^(critical|warning|warn|high|medium|low|info|page|alert|P[0-5]|SEV[- ]?[0-5])\s*[:—–-]\s*(\S+)$/i.exec(
      text.trim(),
    );
  if (!match || !isAlertName(match[2]!)) return null;
  const prefix = match[1]!;
  const severity = /^alert$/i.test(prefix)
    ? null
    : /^(P|SEV)/i.test(prefix)
      ? prefix.toUpperCase()
      : prefix.toLowerCase();
  return { alert: match[2]!, severity };
}

/** What a condition says: a comparison, a number or a state word; "Alert: the on-call engineer" is not one. */
const CONDITION_LIKE =
  /[<>≥≤=%]|\d|\b(?:above|below|exceeds?|over|under|drops?|falls?|rises?|spikes?|fails?|missing|stale|down|unreachable|no\s+\w+)\b/i;

/**
 * "Alert: ByzantineViolationDetected fires", "Alert: HighRPCErrorRate (error rate > 10%)", "Alert: NodeDown
 * fires when the node misses 3 blocks", or a condition alone, "Alert: RPC error rate > 10% for 2+ minutes".
 */
export function parseAlertLine(text: string): { alert: string | null; condition: string | null } | null {
  const body = /^alert\s*:\s*(.+)$/i.exec(text.trim())?.[1]?.trim();
  if (body === undefined || body.length > 500) return null;
  const named =
    /^["'`]?([A-Za-z][\w.:-]*?)["'`]?(?:\s+(?:fires|firing|triggered|is\s+firing))?(?:(?:\s+(?:when|if)\s+|\s*[:—–]\s*|\s+-\s+|\s*\(\s*)(.+?)\)?)?\.?$/i.exec(
      body,
    );
  if (named && isAlertName(named[1]!)) return { alert: named[1]!, condition: named[2]?.trim() || null };
  return CONDITION_LIKE.test(body) ? { alert: null, condition: body.replace(/\.$/, "") } : null;
}

/** `**Fires when:** X`, `**Condition:** X`, `**Threshold:** X`: the condition of the section's alert. */
export function isConditionField(key: string): boolean {
  return /^(?:condition|threshold|fires?\s+(?:when|if)|alert\s+condition|trigger(?:\s+condition)?)$/i.test(
    key.trim(),
  );
}
