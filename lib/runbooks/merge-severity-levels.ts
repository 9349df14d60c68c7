import type { SeverityCandidate } from "./parse-severity-table";
import type { SeverityLevel } from "./schemas";

const FIELDS = ["label", "description", "responseTime", "examples"] as const;

function key(name: string): string {
  return name.toUpperCase().replace(/[-\s]/g, "");
}

/**
 * One level per name, in order of first appearance. Each field comes from the highest-priority source
 * that has it (table > list > heading/inline), so "P1 = immediate" in a preamble does not override the
 * table's "Immediate (<15 min)", but fills in what the table leaves blank.
 */
export function mergeSeverityLevels(candidates: readonly SeverityCandidate[]): SeverityLevel[] {
  const groups = new Map<string, SeverityCandidate[]>();
  for (const candidate of candidates) {
    const group = groups.get(key(candidate.name));
    if (group) group.push(candidate);
    else groups.set(key(candidate.name), [candidate]);
  }
  return [...groups.values()].map((group) => {
    const ranked = [...group].sort((a, b) => b.priority - a.priority);
    const best = ranked[0]!;
    const merged: SeverityLevel = {
      name: best.name,
      label: null,
      description: null,
      responseTime: null,
      responseTargetSeconds: null,
      examples: null,
    };
    for (const field of FIELDS)
      merged[field] = ranked.find((candidate) => candidate[field] !== null)?.[field] ?? null;
    const timed = ranked.find((candidate) => candidate.responseTime !== null);
    merged.responseTargetSeconds = timed?.responseTargetSeconds ?? null;
    return merged;
  });
}
