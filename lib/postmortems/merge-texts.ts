/**
 * A three-way, line-based merge (the diff3 idea) for the conflict view: starting from the text both people
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

/** base index → other index for the lines of a longest common subsequence. */
function matchLines(base: string[], other: string[]): Map<number, number> {
  const matches = new Map<number, number>();
  let start = 0;
  while (start < base.length && start < other.length && base[start] === other[start]) {
    matches.set(start, start);
    start++;
  }
  let endBase = base.length;
  let endOther = other.length;
  const suffix: [number, number][] = [];
  while (endBase > start && endOther > start && base[endBase - 1] === other[endOther - 1]) {
    endBase--;
    endOther--;
    suffix.push([endBase, endOther]);
  }
  const n = endBase - start;
  const m = endOther - start;
  // lengths[i][j] = LCS of base[start+i..] and other[start+j..], flattened.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        base[start + i] === other[start + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (base[start + i] === other[start + j]) {
      matches.set(start + i, start + j);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  for (const [b, o] of suffix) matches.set(b, o);
  return matches;
}

function sameLines(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}

export function mergeTexts(base: string, mine: string, theirs: string): MergeResult {
  if (mine === theirs) return { text: mine, hasConflicts: false };
  const baseLines = base.split("\n");
  const mineLines = mine.split("\n");
  const theirLines = theirs.split("\n");
  const toMine = matchLines(baseLines, mineLines);
  const toTheirs = matchLines(baseLines, theirLines);
  const out: string[] = [];
  let hasConflicts = false;
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < baseLines.length || j < mineLines.length || k < theirLines.length) {
    if (i < baseLines.length && toMine.get(i) === j && toTheirs.get(i) === k) {
      out.push(baseLines[i]!);
      i++;
      j++;
      k++;
      continue;
    }
    // The next base line both sides kept ends this changed chunk.
    let s = i;
    while (s < baseLines.length && !(toMine.has(s) && toTheirs.has(s))) s++;
    const mineEnd = s < baseLines.length ? toMine.get(s)! : mineLines.length;
    const theirEnd = s < baseLines.length ? toTheirs.get(s)! : theirLines.length;
    const baseChunk = baseLines.slice(i, s);
    const mineChunk = mineLines.slice(j, mineEnd);
    const theirChunk = theirLines.slice(k, theirEnd);
    if (sameLines(mineChunk, baseChunk)) out.push(...theirChunk);
    else if (sameLines(theirChunk, baseChunk) || sameLines(mineChunk, theirChunk)) out.push(...mineChunk);
    else {
      hasConflicts = true;
      out.push(
        CONFLICT_MARKERS.mine,
        ...mineChunk,
        CONFLICT_MARKERS.divider,
        ...theirChunk,
        CONFLICT_MARKERS.theirs,
      );
    }
    i = s;
    j = mineEnd;
    k = theirEnd;
  }
  return { text: out.join("\n"), hasConflicts };
}
