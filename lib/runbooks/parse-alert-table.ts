// Alert routing as runbooks write it: a table with an "Alert" column (and maybe a "Runbook Section",
// "Severity" and "Condition"/"Threshold" column), a heading such as "CRITICAL: HighRPCErrorRate", or a
// symptom line "Alert: PresignaturePoolDepleted fires". Section references are resolved later
// (resolve-alert-routes.ts), once every section's anchor is known.

export type AlertCandidate = {
  alert: string;
  /** "§2", "#anchor", "[text](#anchor)" or a section title, as written; null when the table has no such column. */
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

export function severityWordOf(text: string): string | null {
  return SEVERITY_WORD.exec(text)?.[1]?.toLowerCase() ?? null;
}

export function parseAlertTable(
  header: string[],
  rows: string[][],
): Omit<AlertCandidate, "foundIn" | "contextSeverity">[] | null {
  const column = (pattern: RegExp) => header.findIndex((cell) => pattern.test(cell.trim()));
  const alertColumn = column(/^alert(?:\s*name)?$/i);
  if (alertColumn < 0) return null;
  const runbookColumn = column(/runbook|section|playbook|procedure/i);
  const severityColumn = column(/^(?:severity|sev|priority|level)$/i);
  const conditionColumn = column(/condition|threshold|expr|query|trigger/i);
  const cell = (row: string[], index: number) => (index < 0 ? null : row[index]?.trim() || null);
  const routes = rows
    .map((row) => ({
      alert: cell(row, alertColumn) ?? "",
      runbookRef: cell(row, runbookColumn),
      isExplicit: false,
      severity: cell(row, severityColumn),
      condition: cell(row, conditionColumn),
    }))
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

/** "Alert: ByzantineViolationDetected fires" as a line in a section. */
export function parseAlertLine(text: string): string | null {
  const match = /^alert\s*:\s*(\S+?)(?:\s+(?:fires|firing|triggered))?\.?$/i.exec(text.trim());
  return match && isAlertName(match[1]!) ? match[1]! : null;
}
