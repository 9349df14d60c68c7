// Canonical Solidity function signatures: `emergencyReduceCap(uint256,string)`.
// Accepts what runbooks write: `fn(uint,string)`, `fn(uint256 amount, string memory reason)`,
// cast's `fn()(bool)` return syntax, `function fn(...) external view returns (...)`, tuples written as
// `(a,b)[]` or `tuple(a,b)`. Returns null for anything that is not a readable signature, so a caller
// never prints a selector for a signature it did not understand.

export type CanonicalSignature = {
  name: string;
  signature: string;
  argTypes: string[];
  returns: string[];
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MODIFIERS = new Set([
  "external",
  "public",
  "internal",
  "view",
  "pure",
  "payable",
  "nonpayable",
  "virtual",
]);
const TYPE_ALIASES: Record<string, string> = {
  uint: "uint256",
  int: "int256",
  byte: "bytes1",
  fixed: "fixed128x18",
  ufixed: "ufixed128x18",
};

function isElementaryType(type: string): boolean {
  if (["address", "bool", "string", "bytes", "function"].includes(type)) return true;
  const sized = /^(u?int|bytes|u?fixed)(\d+)(?:x(\d+))?$/.exec(type);
  if (!sized) return false;
  const [, base, bits, decimals] = sized;
  const size = Number(bits);
  if (base === "bytes") return decimals === undefined && size >= 1 && size <= 32;
  const isSizeValid = size >= 8 && size <= 256 && size % 8 === 0;
  if (base === "int" || base === "uint") return decimals === undefined && isSizeValid;
  return isSizeValid && decimals !== undefined && Number(decimals) <= 80;
}

/** Index of the parenthesis closing the one at `open`, or -1. */
function findClosing(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "(") depth++;
    else if (text[index] === ")" && --depth === 0) return index;
  }
  return -1;
}

function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < list.length; index++) {
    const char = list[index];
    if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "," && depth === 0) {
      parts.push(list.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}

/** What may follow a type: a data location, `indexed`, `payable` and a parameter name. */
function isValidTrailer(trailer: string): boolean {
  const words = trailer.trim().split(/\s+/).filter(Boolean);
  return words.length <= 3 && words.every((word) => IDENTIFIER.test(word));
}

const ARRAY_SUFFIX = /^((?:\s*\[\s*\d*\s*\])*)(.*)$/s;

function canonicalizeArraySuffix(suffix: string): string {
  return suffix.replace(/\s+/g, "");
}

function canonicalizeParam(raw: string): string | null {
  const param = raw.trim();
  const tupleStart = param.startsWith("(") ? 0 : /^tuple\s*\(/.test(param) ? param.indexOf("(") : -1;
  if (tupleStart >= 0) {
    const close = findClosing(param, tupleStart);
    if (close < 0) return null;
    const inner = canonicalizeParamList(param.slice(tupleStart + 1, close));
    const [, arrays = "", trailer = ""] = ARRAY_SUFFIX.exec(param.slice(close + 1)) ?? [];
    if (inner === null || !isValidTrailer(trailer)) return null;
    return `(${inner.join(",")})${canonicalizeArraySuffix(arrays)}`;
  }
  const match = /^([A-Za-z][A-Za-z0-9]*)((?:\s*\[\s*\d*\s*\])*)(.*)$/s.exec(param);
  if (!match) return null;
  const [, written = "", arrays = "", trailer = ""] = match;
  const type = TYPE_ALIASES[written] ?? written;
  if (!isElementaryType(type) || (trailer !== "" && !/^\s/.test(trailer)) || !isValidTrailer(trailer)) {
    return null;
  }
  return `${type}${canonicalizeArraySuffix(arrays)}`;
}

function canonicalizeParamList(list: string): string[] | null {
  if (list.trim() === "") return [];
  const params = splitTopLevel(list).map(canonicalizeParam);
  return params.every((param) => param !== null) ? (params as string[]) : null;
}

/**
 * Tuples nest by recursion here. The ABI has no depth limit, but no real signature nests more than a few
 * levels; past this, the signature is unreadable rather than a stack overflow.
 */
export const MAX_TUPLE_DEPTH = 32;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 0x28) deepest = Math.max(deepest, ++depth);
    else if (char === 0x29) depth--;
  }
  return deepest;
}

export function canonicalizeSignature(written: string): CanonicalSignature | null {
  // The parameter list is one level of parentheses itself.
  if (nestingDepth(written) > MAX_TUPLE_DEPTH + 1) return null;
  const text = written.trim().replace(/^function\s+/, "");
  const nameMatch = /^([A-Za-z_$][A-Za-z0-9_$]*)\s*\(/.exec(text);
  if (!nameMatch) return null;
  const open = nameMatch[0].length - 1;
  const close = findClosing(text, open);
  if (close < 0) return null;
  const argTypes = canonicalizeParamList(text.slice(open + 1, close));
  if (argTypes === null) return null;

  let rest = text.slice(close + 1).trim();
  for (
    let word = /^([a-z]+)\b/.exec(rest);
    word && MODIFIERS.has(word[1]!);
    word = /^([a-z]+)\b/.exec(rest)
  ) {
    rest = rest.slice(word[0].length).trim();
  }
  rest = rest.replace(/^returns\s*(?=\()/, "");
  let returns: string[] = [];
  if (rest !== "") {
    if (!rest.startsWith("(") || findClosing(rest, 0) !== rest.length - 1) return null;
    const parsed = canonicalizeParamList(rest.slice(1, -1));
    if (parsed === null) return null;
    returns = parsed;
  }
  const name = nameMatch[1]!;
  return { name, signature: `${name}(${argTypes.join(",")})`, argTypes, returns };
}
