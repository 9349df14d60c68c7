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

/** A slugger for one document: every heading counts, H1 and H4+ included, or the suffixes would not match GitHub's. */
export function createHeadingSlugger(): (heading: string) => string {
  const occurrences = new Map<string, number>();
  return (heading) => {
    const original = slugOf(heading.trim());
    let result = original;
    while (occurrences.has(result)) {
      const count = occurrences.get(original)! + 1;
      occurrences.set(original, count);
      result = `${original}-${count}`;
    }
    occurrences.set(result, 0);
    return result;
  };
}
