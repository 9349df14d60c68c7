import { getAddress, isAddress } from "viem";
import { z } from "zod";

/**
 * Shared pieces of the zod schemas at the boundaries. PostgreSQL's `integer` is 32-bit: a larger number in an
 * id, a version or a nonce reached the database and came back as a 500; here it is a 422 naming the field.
 */
export const INT4_MAX = 2_147_483_647;

/** A positive database integer (an event id, a version, a nonce that is stored as an int). */
export const ZInt4Id = z
  .number("must be a number")
  .int("must be a whole number")
  .positive("must be positive")
  .max(INT4_MAX, `must be at most ${INT4_MAX}`);

/** A cursor from the query string (`?after=`): a non-negative database integer. */
export const ZInt4Cursor = z.coerce
  .number("must be a number")
  .int("must be a whole number")
  .min(0, "must be at least 0")
  .max(INT4_MAX, `must be at most ${INT4_MAX}`);

/**
 * A 20-byte address. All-lowercase or all-uppercase hex has no checksum and is accepted; mixed case is an
 * EIP-55 checksum, and a wrong one is a typo (one mistyped character), refused rather than silently normalised.
 * Output: the checksummed form.
 */
export const ZAddress = z
  .string("must be a 0x-prefixed 20-byte address")
  .trim()
  .refine((value) => isAddress(value, { strict: false }), "must be a 0x-prefixed 20-byte address")
  .refine(
    (value) => !isAddress(value, { strict: false }) || hasValidChecksumOrNone(value),
    "has a wrong EIP-55 checksum (mixed case): check the address for a typo",
  )
  .transform((value) => getAddress(value));

function hasValidChecksumOrNone(value: string): boolean {
  const hex = value.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  return isAddress(value, { strict: true });
}

/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them: a name
 * or a title carrying one can display as something else ("Trojan Source"). Refused in names and titles.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}
export const BIDI_MESSAGE =
  "must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)";

/** A name or title: refuses bidi controls (see above). Compose with min/max first: `ZTitle(z.string()...)`. */
export function noBidi<S extends z.ZodType<string>>(schema: S) {
  return schema.refine((value) => !hasBidiControls(value), BIDI_MESSAGE);
}

/**
 * Text PostgreSQL refuses: U+0000 (in `text` and `jsonb`) and unpaired surrogates (in `jsonb`, as `\udXXX`).
 * Either one anywhere in a body reached the database and answered 500.
 */
// In a `u` regex a surrogate range matches only unpaired ones (a pair is one code point).
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
export const NUL_MESSAGE = "must not contain the NUL character (U+0000) or unpaired surrogates";

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** The path of the first string (or key) in parsed JSON that PostgreSQL would refuse (see above), or null. */
export function findNulPath(value: unknown, path: (string | number)[] = [], depth = 0): string | null {
  if (depth > 256) return null;
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".") || "(body)";
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findNulPath(value[index], [...path, index], depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, "(key)"].join(".");
      const found = findNulPath(item, [...path, key], depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * JSON nested deeper than this is refused before it is parsed into objects a schema (or viem's ABI parser)
 * walks recursively: an ABI nested 20,000 levels overflowed the stack and answered 500.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests deeper than `limit` arrays/objects (strings are skipped, escapes respected). */
export function isJsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 92) index++;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123 || code === 91) {
      if (++depth > limit) return true;
    } else if (code === 125 || code === 93) depth--;
  }
  return false;
}
