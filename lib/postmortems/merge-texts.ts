import { diff3Merge } from "node-diff3";

/**
 * A three-way, line-based merge (node-diff3) for the conflict view: starting from the text both people
 * edited (base), changes made by only one side are taken as they are; where both changed the same lines
 * differently, both versions are kept between conflict markers so nothing either person wrote is lost.
 * Pure and browser-safe: the editor imports this file directly (not through the domain index, which
 * pulls in the database client).
 */
export type MergeResult = { text: string; hasConflicts: boolean };

export const CONFLICT_MARKERS = {
  mine: "<<<<<<< your version",
  divider: "=======",
  theirs: ">>>>>>> their version",
} as const;

export function mergeTexts(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return { text: mine, hasConflicts: false };
  // Lines, not node-diff3's default of whitespace-separated words: a conflict is a block of lines.
  const regions = diff3Merge(mine.split("\n"), base.split("\n"), theirs.split("\n"));
  const out: string[] = [];
  let hasConflicts = false;
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      hasConflicts = true;
      out.push(
        CONFLICT_MARKERS.mine,
        ...region.conflict.a,
        CONFLICT_MARKERS.divider,
        ...region.conflict.b,
        CONFLICT_MARKERS.theirs,
      );
    }
  }
  return { text: out.join("\n"), hasConflicts };
}
