// Reverses "UTF-8 bytes decoded as cp1252" (mojibake: `â€”` for `—`, `Â§` for `§`, `ðŸš¨` for 🚨).
//
// Works run by run rather than on the whole text, so a file that mixes correct text with mojibake is
// repaired where it is broken and left alone where it is not. A run is only rewritten where its cp1252
// bytes form a valid UTF-8 sequence: correct text such as "café" or "—" never forms one (é alone is a
// lead byte with no continuation; — is a lone continuation byte), which is what keeps this from
// "repairing" text that was fine.

/** cp1252 bytes 0x80–0x9F. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to the same C1 code point. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const BYTE_OF_CHAR = new Map<string, number>();
for (let byte = 0xa0; byte <= 0xff; byte++) BYTE_OF_CHAR.set(String.fromCharCode(byte), byte);
CP1252_HIGH.forEach((codePoint, index) => {
  BYTE_OF_CHAR.set(String.fromCharCode(codePoint), 0x80 + index);
});

const specials = CP1252_HIGH.map((codePoint) => `\\u${codePoint.toString(16).padStart(4, "0")}`).join("");
/** Two or more cp1252-representable non-ASCII characters starting with a UTF-8 lead byte (Â..ô). */
const RUN = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00ff${specials}]+`, "g");

const decoder = new TextDecoder("utf-8", { fatal: true });

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function decodeSequence(bytes: number[]): string | null {
  try {
    const decoded = decoder.decode(new Uint8Array(bytes));
    const codePoint = decoded.codePointAt(0) ?? 0;
    // A C1 control is never what an author meant: leave such a run as written.
    return codePoint >= 0x80 && codePoint <= 0x9f ? null : decoded;
  } catch {
    return null;
  }
}

function repairRun(run: string): string {
  const chars = Array.from(run);
  const bytes = chars.map((char) => BYTE_OF_CHAR.get(char) ?? -1);
  let out = "";
  let index = 0;
  while (index < chars.length) {
    const length = sequenceLength(bytes[index]!);
    const slice = bytes.slice(index, index + length);
    const isCandidate =
      length > 0 && slice.length === length && slice.slice(1).every((byte) => byte >= 0x80 && byte <= 0xbf);
    const decoded = isCandidate ? decodeSequence(slice) : null;
    if (decoded === null) {
      out += chars[index];
      index += 1;
    } else {
      out += decoded;
      index += length;
    }
  }
  return out;
}

export function repairMojibake(text: string): { text: string; isRepaired: boolean } {
  let isRepaired = false;
  const repaired = text.replace(RUN, (run) => {
    const fixed = repairRun(run);
    if (fixed !== run) isRepaired = true;
    return fixed;
  });
  return { text: repaired, isRepaired };
}
