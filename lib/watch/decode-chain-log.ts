import { type Abi, type AbiEvent, decodeEventLog, type Hex, toEventSelector, toEventSignature } from "viem";
import { KNOWN_EVENTS_ABI } from "./known-events";

export type DecodedChainLog = {
  name: string | null;
  signature: string | null;
  /** Every argument as a string; a bytes32 role argument also as `<arg>Name` when the role is known. */
  args: Record<string, string>;
};

type EventIndex = Map<Hex, AbiEvent[]>;
const indexCache = new WeakMap<object, EventIndex>();

/** topic0 → the ABI's events with that selector (cached per ABI object: decoding runs for every log). */
function eventIndex(abi: Abi): EventIndex {
  const cached = indexCache.get(abi);
  if (cached) return cached;
  const index: EventIndex = new Map();
  for (const item of abi) {
    if (item.type !== "event") continue;
    const selector = toEventSelector(item);
    index.set(selector, [...(index.get(selector) ?? []), item]);
  }
  indexCache.set(abi, index);
  return index;
}

function stringify(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  return JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner));
}

function tryDecode(abi: Abi, topics: Hex[], data: Hex): DecodedChainLog | null {
  const selector = topics[0];
  if (!selector) return null;
  // Same selector, different indexing (Paused(address) indexed in one codebase, not in another): try each.
  for (const event of eventIndex(abi).get(selector) ?? []) {
    try {
      const decoded = decodeEventLog({
        abi: [event],
        topics: topics as [Hex, ...Hex[]],
        data,
        strict: true,
      });
      const args: Record<string, string> = {};
      const raw = (decoded.args ?? {}) as Record<string, unknown> | unknown[];
      event.inputs.forEach((input, position) => {
        const key = input.name || `arg${position}`;
        const value = Array.isArray(raw) ? raw[position] : raw[input.name ?? ""];
        args[key] = stringify(value);
      });
      return { name: event.name, signature: toEventSignature(event), args };
    } catch {
      // indexing or data does not fit this variant: try the next one
    }
  }
  return null;
}

/**
 * A log in words: the contract's own ABI first, then the built-in admin events. A log neither knows is kept
 * with its raw topics and data (name null), so nothing the chain said is dropped.
 */
export function decodeChainLog(
  log: { topics: readonly Hex[]; data: Hex },
  abi: Abi | null,
  roleNames: ReadonlyMap<string, string>,
): DecodedChainLog {
  const topics = [...log.topics];
  const decoded = (abi ? tryDecode(abi, topics, log.data) : null) ??
    tryDecode(KNOWN_EVENTS_ABI, topics, log.data) ?? { name: null, signature: null, args: {} };
  for (const [key, value] of Object.entries(decoded.args)) {
    if (!/role/i.test(key) || !/^0x[0-9a-fA-F]{64}$/.test(value)) continue;
    const name = roleNames.get(value.toLowerCase());
    if (name) decoded.args[`${key}Name`] = name;
  }
  return decoded;
}
