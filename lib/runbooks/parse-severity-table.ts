import { parseResponseTarget } from "./parse-duration";
import type { SeverityLevel } from "./schemas";

// Severity schemes as runbooks write them: a table ("| P1 — Critical | ... | Immediate (<15 min) |"),
// a heading or list item ("SEV1: Critical Outage", "- **P2** — within 1 hour"), or inline pairs
// ("P1 = immediate, P2 = within 1 hour"). Each source yields candidates; merge-severity-levels.ts
// combines them, tables winning.

export type SeverityCandidate = SeverityLevel & { priority: number };

const NAME_HEADER = /^(?:severity(?: level)?|sev|level|priority|class(?:ification)?)$/i;
const ROW_NAME =
  /^(P[0-5]|SEV[- ]?[0-5]|S[0-5]|critical|high|medium|low|info(?:rmational)?)\b\s*(?:[—–:-]+\s*(.*))?$/i;
// No two adjacent `\s*` (`P1` + 100 KB of spaces would backtrack quadratically), and `[\s\S]` not `.`: a list
// item's text can run over several lines.
const LEVEL_PREFIX = /^(P[0-5]|SEV[- ]?[0-5])(?:\s*\(([^()]+)\))?(?:\s*[:—–=]|\s+-)\s*(\S[\s\S]*)$/i;
/** "P2 (Medium)" alone as a heading: what the level means follows under it. */
const LEVEL_ONLY = /^(P[0-5]|SEV[- ]?[0-5])(?:\s*\(([^()]+)\))?$/i;
const PAIR = /\b(P[0-5]|SEV[- ]?[0-5])\s*=\s*([^,;]+)/gi;

function level(name: string, fields: Partial<SeverityLevel>, priority: number): SeverityCandidate {
  const responseTime = fields.responseTime ?? null;
  return {
    name,
    label: fields.label || null,
    description: fields.description || null,
    responseTime,
    responseTargetSeconds: responseTime === null ? null : parseResponseTarget(responseTime),
    examples: fields.examples || null,
    priority,
  };
}

export function parseSeverityTable(header: string[], rows: string[][]): SeverityCandidate[] | null {
  if (!NAME_HEADER.test(header[0]?.trim() ?? "")) return null;
  const column = (pattern: RegExp) => header.findIndex((cell, index) => index > 0 && pattern.test(cell));
  const descriptionColumn = column(/description|definition|meaning|impact|criteria/i);
  const responseColumn = column(/response|sla|target|time to|acknowledge/i);
  const examplesColumn = column(/example/i);
  const cell = (row: string[], index: number) => (index < 0 ? null : row[index]?.trim() || null);

  const levels: SeverityCandidate[] = [];
  for (const row of rows) {
    const match = ROW_NAME.exec(row[0]?.trim() ?? "");
    if (!match) continue;
    levels.push(
      level(
        match[1]!,
        {
          label: match[2]?.trim() || null,
          description: cell(row, descriptionColumn),
          responseTime: cell(row, responseColumn),
          examples: cell(row, examplesColumn),
        },
        3,
      ),
    );
  }
  return levels.length > 0 ? levels : null;
}

function readsAsResponseTime(text: string): boolean {
  return parseResponseTarget(text) !== null || /^immediate/i.test(text);
}

/** "SEV1: Critical Outage" or "P1 (High) - Response within 1 hour" as a heading. */
export function parseSeverityHeading(text: string): SeverityCandidate | null {
  const bare = LEVEL_ONLY.exec(text.trim());
  if (bare) return level(bare[1]!, { label: bare[2] ?? null }, 1);
  const match = LEVEL_PREFIX.exec(text.trim());
  if (!match) return null;
  const rest = match[3]!.trim();
  const isResponseTime = /\brespon|\bwithin\b|^immediate/i.test(rest) && readsAsResponseTime(rest);
  return level(
    match[1]!,
    {
      label: match[2] ?? null,
      description: isResponseTime ? null : rest,
      responseTime: isResponseTime ? rest : null,
    },
    1,
  );
}

const RESPONSE_FIELD =
  /^(?:response(?:\s+(?:time|target|sla))?|sla|time\s+to\s+(?:respond|acknowledge|engage)|ack(?:nowledge(?:ment)?)?(?:\s+time)?)$/i;

/** `**Response Time**: 15 minutes` under a level's heading: that level's target (not its update cadence). */
export function parseSeverityField(name: string, key: string, value: string): SeverityCandidate | null {
  if (!RESPONSE_FIELD.test(key.trim()) || value.trim() === "") return null;
  return level(name, { responseTime: value.trim() }, 2);
}

/** "P1 (Critical): Immediate response (<15 min)" as a list item; the rest is a response time if it reads like one. */
export function parseSeverityListItem(text: string): SeverityCandidate | null {
  const match = LEVEL_PREFIX.exec(text.trim());
  if (!match) return null;
  const rest = match[3]!.trim();
  const isResponseTime = readsAsResponseTime(rest);
  return level(
    match[1]!,
    {
      label: match[2] ?? null,
      description: isResponseTime ? null : rest,
      responseTime: isResponseTime ? rest : null,
    },
    2,
  );
}

/** "P1 = immediate, P2 = within 1 hour, P3 = within 4 hours": two or more pairs on one line. */
export function parseSeverityPairs(text: string): SeverityCandidate[] {
  const pairs = [...text.matchAll(PAIR)];
  if (pairs.length < 2) return [];
  return pairs.map((pair) => level(pair[1]!, { responseTime: pair[2]!.trim() }, 1));
}
