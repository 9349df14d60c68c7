import {
  type AbiFunction,
  type Address,
  encodeFunctionData,
  getAddress,
  type Hex,
  parseAbiItem,
  toFunctionSignature,
} from "viem";
import { abiFunctions } from "../chain";
import type { Contract } from "../db/generated/client";
import { AppError, type FieldIssue } from "../errors";
import type { InnerCall } from "./build-safe-transaction";
import { formatArgValue, parseCallArgs } from "./parse-call-args";
import type { TSafeCall } from "./schemas";

/** A call in plain words: what signers read before they sign. Stored on the proposal. */
export type DecodedCall = {
  contractId: string | null;
  contract: string | null;
  to: Address;
  functionName: string;
  signature: string;
  args: { name: string; type: string; value: string }[];
  value: string;
  data: Hex;
};

/** The function a call names: looked up in the contract's ABI (keeps argument names), else parsed. */
export function resolveFunction(abi: unknown, signature: string): AbiFunction {
  const functions = abiFunctions(abi);
  const compact = signature.replace(/\s+/g, "");
  const bySignature = functions.find((fn) => toFunctionSignature(fn) === compact);
  if (bySignature) return bySignature;
  if (!signature.includes("(")) {
    const byName = functions.filter((fn) => fn.name === signature);
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) throw new Error(`${signature} is overloaded: give the full signature.`);
    throw new Error(`the contract's ABI has no function ${signature}.`);
  }
  try {
    const text = signature.trim().startsWith("function ") ? signature.trim() : `function ${signature.trim()}`;
    return parseAbiItem(text) as AbiFunction;
  } catch {
    throw new Error(`${signature} is not a function signature.`);
  }
}

/** Validates and encodes every call; all bad fields are reported at once (a 422 naming each). */
export function resolveCalls(calls: TSafeCall[], contracts: Contract[]) {
  const issues: FieldIssue[] = [];
  const inner: InnerCall[] = [];
  const decoded: DecodedCall[] = [];
  calls.forEach((call, index) => {
    const path = `calls.${index}`;
    const contract = call.contractId ? contracts.find((c) => c.id === call.contractId) : undefined;
    if (call.contractId && !contract) {
      issues.push({
        path: `${path}.contractId`,
        message: "is not a registry contract on this Safe's chain.",
      });
      return;
    }
    const byAddress =
      !contract && call.to
        ? contracts.find((c) => c.address.toLowerCase() === call.to!.toLowerCase())
        : undefined;
    const known = contract ?? byAddress;
    let fn: AbiFunction;
    try {
      fn = resolveFunction(known?.abi, call.signature);
    } catch (error) {
      issues.push({ path: `${path}.signature`, message: (error as Error).message });
      return;
    }
    if (fn.stateMutability === "view" || fn.stateMutability === "pure")
      issues.push({
        path: `${path}.signature`,
        message: `${fn.name} is a read (${fn.stateMutability}); nothing to sign.`,
      });
    if (BigInt(call.value) > 0n && fn.stateMutability === "nonpayable")
      issues.push({ path: `${path}.value`, message: `${fn.name} is not payable: the value must be 0.` });
    const parsed = parseCallArgs(fn.inputs, call.args, `${path}.args`);
    issues.push(...parsed.issues);
    if (parsed.issues.length > 0) return;
    const to = getAddress(known?.address ?? call.to!);
    const data = encodeFunctionData({ abi: [fn], functionName: fn.name, args: parsed.values });
    inner.push({ to, value: BigInt(call.value), data });
    decoded.push({
      contractId: known?.id ?? null,
      contract: known?.name ?? null,
      to,
      functionName: fn.name,
      signature: toFunctionSignature(fn),
      args: fn.inputs.map((input, i) => ({
        name: input.name ?? `arg${i}`,
        type: input.type,
        value: formatArgValue(parsed.values[i]),
      })),
      value: call.value,
      data,
    });
  });
  if (issues.length > 0)
    throw new AppError("UNPROCESSABLE", `${issues[0]!.path}: ${issues[0]!.message}`, { fields: issues });
  return { inner, decoded };
}
