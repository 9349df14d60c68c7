import { type AbiParameter, getAddress, type Hex, isAddress, isHex, keccak256, size, toHex } from "viem";
import type { FieldIssue } from "../errors";
import { isJsonTooDeep, MAX_JSON_DEPTH } from "../http/input-fields";

/**
 * Turns what a person typed (or a runbook wrote) into typed ABI values, one clear message per bad argument.
 * Runs in the browser (live form validation) and on the server (the authority): keep it free of server imports.
 */
export type ParsedArgs = { values: unknown[]; issues: FieldIssue[] };

const KECCAK_EXPRESSION = /^keccak(?:256)?\(\s*["'](.*)["']\s*\)$/;

/** `keccak256("GUARDIAN_ROLE")`, the role id OpenZeppelin's AccessControl uses. */
export function roleId(name: string): Hex {
  return keccak256(toHex(name));
}

export function parseCallArgs(inputs: readonly AbiParameter[], raw: unknown[], path: string): ParsedArgs {
  const issues: FieldIssue[] = [];
  const values = inputs.map((input, index) => {
    try {
      return parseValue(input, raw[index]);
    } catch (error) {
      const label = input.name ? `${input.name} (${input.type})` : input.type;
      issues.push({ path: `${path}.${index}`, message: `${label}: ${(error as Error).message}` });
      return undefined;
    }
  });
  if (raw.length > inputs.length)
    issues.push({ path, message: `expects ${inputs.length} argument(s), got ${raw.length}.` });
  return { values, issues };
}

function parseValue(param: AbiParameter, raw: unknown): unknown {
  const type = param.type;
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const items = typeof raw === "string" ? parseJsonArray(raw) : raw;
    if (!Array.isArray(items)) throw new Error("must be a JSON array, e.g. [1, 2].");
    if (array[2] && items.length !== Number(array[2]))
      throw new Error(`must have exactly ${array[2]} elements.`);
    const inner = { ...param, type: array[1]! } as AbiParameter;
    return items.map((item) => parseValue(inner, item));
  }
  if (type === "tuple") {
    const components = (param as { components?: readonly AbiParameter[] }).components ?? [];
    const items = typeof raw === "string" ? parseJsonArray(raw) : raw;
    if (!Array.isArray(items) || items.length !== components.length)
      throw new Error(`must be a JSON array of ${components.length} values.`);
    return items.map((item, i) => parseValue(components[i]!, item));
  }
  if (raw === undefined || raw === null || raw === "") throw new Error("is required.");
  if (type === "bool") {
    if (raw === true || raw === "true") return true;
    if (raw === false || raw === "false") return false;
    throw new Error("must be true or false.");
  }
  if (type === "string") {
    if (typeof raw !== "string") throw new Error("must be text.");
    return raw;
  }
  const text = String(raw).trim();
  if (type === "address") return parseAddress(text);
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) return parseInteger(text, integer[1] === "u", Number(integer[2] || 256));
  if (type === "bytes") {
    if (!isHex(text, { strict: true }) || text.length % 2 !== 0)
      throw new Error("must be 0x-prefixed hex with an even number of digits.");
    return text.toLowerCase();
  }
  const fixedBytes = /^bytes(\d+)$/.exec(type);
  if (fixedBytes) {
    const keccak = KECCAK_EXPRESSION.exec(text);
    const hex = keccak && Number(fixedBytes[1]) === 32 ? roleId(keccak[1]!) : text;
    if (!isHex(hex, { strict: true }) || size(hex as Hex) !== Number(fixedBytes[1]) || hex.length % 2 !== 0)
      throw new Error(
        `must be 0x followed by ${Number(fixedBytes[1]) * 2} hex digits${
          fixedBytes[1] === "32" ? ' (or keccak256("ROLE_NAME"))' : ""
        }.`,
      );
    return hex.toLowerCase();
  }
  throw new Error(`type ${type} is not supported here.`);
}

function parseJsonArray(text: string): unknown {
  if (isJsonTooDeep(text)) throw new Error(`must not nest deeper than ${MAX_JSON_DEPTH} levels.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new Error("must be a JSON array, e.g. [1, 2].");
  }
}

function parseAddress(text: string): Hex {
  if (!isAddress(text, { strict: false })) throw new Error("must be a 0x-prefixed 20-byte address.");
  const isMixedCase =
    text.slice(2) !== text.slice(2).toLowerCase() && text.slice(2) !== text.slice(2).toUpperCase();
  // A mixed-case address carries an EIP-55 checksum: a wrong one is most likely a typo, never "fix" it.
  if (isMixedCase && getAddress(text) !== text) throw new Error("has an invalid EIP-55 checksum (typo?).");
  return getAddress(text);
}

function parseInteger(text: string, isUnsigned: boolean, bits: number): bigint {
  if (!/^-?(0x[0-9a-fA-F]+|\d+)$/.test(text)) throw new Error("must be a whole number (decimal or 0x hex).");
  const isNegative = text.startsWith("-");
  const magnitude = BigInt(isNegative ? text.slice(1) : text);
  const value = isNegative ? -magnitude : magnitude;
  const min = isUnsigned ? 0n : -(2n ** BigInt(bits - 1));
  const max = isUnsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
  if (value < min || value > max) throw new Error(`must be between ${min} and ${max}.`);
  return value;
}

/** A typed value as people read it (and as the form shows it back). */
export function formatArgValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatArgValue).join(", ")}]`;
  if (typeof value === "bigint") return value.toString();
  return String(value);
}
