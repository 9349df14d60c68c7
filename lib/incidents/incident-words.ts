// Incident refs, statuses, phases and roles: plain values that both the zod schemas (schemas.ts) and
// browser code use.
const REF = /^INC-(\d{1,9})$/i;

export function formatIncidentRef(number: number): string {
  return `INC-${number}`;
}

/** INC-42 → 42; anything else → null (callers answer 404). */
export function parseIncidentRef(ref: string): number | null {
  const match = REF.exec(ref.trim());
  return match?.[1] ? Number(match[1]) : null;
}

export const INCIDENT_STATUSES = ["investigating", "mitigating", "monitoring", "resolved"] as const;
export const INCIDENT_PHASES = [
  "detect",
  "triage",
  "contain",
  "notify",
  "diagnose",
  "remediate",
  "verify",
  "resolve",
] as const;
export const INCIDENT_ROLES = ["commander", "comms_lead", "scribe"] as const;
