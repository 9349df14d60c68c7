import { toFunctionSelector } from "viem";

// viem hashes the signature each call; a 1 MB runbook repeats the same few signatures thousands of times.
const selectorCache = new Map<string, `0x${string}`>();

export function selectorOf(signature: string): `0x${string}` {
  let selector = selectorCache.get(signature);
  if (!selector) {
    selector = toFunctionSelector(signature);
    if (selectorCache.size < 10_000) selectorCache.set(signature, selector);
  }
  return selector;
}
