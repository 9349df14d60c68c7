/**
 * GitHub-style heading anchors (as github-slugger makes them): lower case, punctuation and symbols
 * dropped, each space a hyphen (so "Incident Response — General" → "incident-response--general"),
 * repeats suffixed -1, -2 in document order. Every heading counts, H1 and H4+ included, or the
 * suffixes would not match the ones GitHub renders.
 */
const ASCII = /^\p{ASCII}*$/u;

export function createHeadingSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const lower = heading.trim().toLowerCase();
    // The Unicode-aware pattern is slow; most headings are ASCII, where it means [a-z0-9_ -].
    const kept = ASCII.test(lower)
      ? lower.replace(/[^a-z0-9_ -]/g, "")
      : lower.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "");
    const base = kept.replace(/ /g, "-");
    let slug = base;
    let count = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++count}`;
    seen.set(base, count);
    seen.set(slug, seen.get(slug) ?? 0);
    return slug;
  };
}
