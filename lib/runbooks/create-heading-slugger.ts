import { slug } from "github-slugger";

/**
 * GitHub's heading anchors (github-slugger's: lower case, punctuation dropped, each space a hyphen, repeats
 * suffixed -1, -2 in document order). github-slugger strips characters with one large Unicode class, about
 * 7 µs a heading, which a 2 MB file of headings pays 300,000 times; for text that is ASCII once lower-cased
 * (nearly every heading) the ASCII part of that class, asked of github-slugger itself when this module
 * loads, removes exactly the same characters.
 */

/** Any UTF-16 code unit outside ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

function removedAsciiPattern(): RegExp {
  let escaped = "";
  for (let code = 0; code < 0x80; code++) {
    if (slug(String.fromCharCode(code), true) === "") escaped += `\\u${code.toString(16).padStart(4, "0")}`;
  }
  return new RegExp(`[${escaped}]`, "g");
}

const REMOVED_ASCII = removedAsciiPattern();

function slugOf(text: string): string {
  const lower = text.toLowerCase();
  return !NON_ASCII.test(lower) ? lower.replace(REMOVED_ASCII, "").replace(/ /g, "-") : slug(text);
}

/** A positive count as `${original}-${count}` writes it: no sign, no leading zero. */
const COUNT = /^[1-9]\d*$/;

/**
 * A slugger for one document: every heading counts, H1 and H4+ included, or the suffixes would not match GitHub's.
 *
 * github-slugger keeps every suffixed slug it hands out in its map as well; a 2 MB file of one heading
 * repeated grows that map to 500,000 fresh keys, most of the parse's time in hashing, rehashing and garbage.
 * Here the map holds only the slugs headings produce themselves, with their counts: `${original}-${k}` has
 * been handed out exactly when k is at most the count of `original` (each count up to it was tried, and
 * taken unless it was already taken), and the last hyphen splits a suffixed slug into just one original and count.
 */
export function createHeadingSlugger(): (heading: string) => string {
  const counts = new Map<string, number>();
  const isHandedOut = (candidate: string) => {
    if (counts.has(candidate)) return true;
    const hyphen = candidate.lastIndexOf("-");
    if (hyphen < 0) return false;
    const count = candidate.slice(hyphen + 1);
    return COUNT.test(count) && Number(count) <= (counts.get(candidate.slice(0, hyphen)) ?? 0);
  };
  return (heading) => {
    const original = slugOf(heading.trim());
    if (!isHandedOut(original)) {
      counts.set(original, 0);
      return original;
    }
    // `${original}-${count}` for a count above the current one was never handed out as a suffix, so only a
    // heading of its own could have taken it.
    let count = counts.get(original) ?? 0;
    let result: string;
    do {
      count++;
      result = `${original}-${count}`;
    } while (counts.has(result));
    counts.set(original, count);
    return result;
  };
}
