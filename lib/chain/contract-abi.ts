import type { Abi, AbiFunction } from "viem";

type AbiError = Extract<Abi[number], { type: "error" }>;

// A registry contract's ABI is stored as JSON (Prisma's JsonValue) and validated when it is added
// (lib/safe/manage-registry.ts parseAbiJson). These are the one place that reads it back as viem's Abi; a
// value that is not an array reads as an empty ABI rather than throwing in the middle of a page or a proposal.

export function contractAbi(stored: unknown): Abi {
  return Array.isArray(stored) ? (stored as Abi) : [];
}

export function abiFunctions(stored: unknown): AbiFunction[] {
  return contractAbi(stored).filter((item): item is AbiFunction => item.type === "function");
}

export function abiErrors(stored: unknown): AbiError[] {
  return contractAbi(stored).filter((item): item is AbiError => item.type === "error");
}

/** Whether the ABI has a function of each name. */
export function hasAbiFunctions(stored: unknown, names: readonly string[]): boolean {
  const functions = abiFunctions(stored);
  return names.every((name) => functions.some((fn) => fn.name === name));
}
