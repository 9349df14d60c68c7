import {
  type AbiFunction,
  type Address,
  decodeFunctionResult,
  encodeFunctionData,
  getAddress,
  parseAbiItem,
} from "viem";
import { publicClientFor } from "../chain";
import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { coerceAbiArgs } from "./coerce-abi-args";
import { formatReadValue } from "./format-read-value";

export type RunVerificationOptions = {
  incidentId: string;
  contractId: string;
  /** `isGloballyPaused()(bool)` as cast writes it, or `function isGloballyPaused() view returns (bool)`. */
  signature: string;
  args: string[];
  /** What the runbook expects (`true`, `0`, ...); null records the value without a verdict. */
  expected: string | null;
  author: EventAuthor;
  source?: string;
};

/** `fn(types)(returns)` (cast) → a viem ABI function item. */
export function toAbiFunction(signature: string): AbiFunction {
  const trimmed = signature.trim();
  if (trimmed.startsWith("function ")) return parseAbiItem(trimmed) as AbiFunction;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\(([^)]*)\)\s*(?:\(([^)]*)\))?$/.exec(trimmed);
  if (!match) throw new AppError("UNPROCESSABLE", `signature: ${signature} is not a function signature.`);
  const returns = match[3] ? ` returns (${match[3]})` : "";
  return parseAbiItem(`function ${match[1]}(${match[2]}) view${returns}`) as AbiFunction;
}

/**
 * Reads a contract on chain and records the value, and whether it matched the expected one, as a timeline
 * event. The read and the event happen in that order: the event names the block the value was read at.
 */
export async function runVerification(options: RunVerificationOptions): Promise<TimelineEvent> {
  const contract = await db().contract.findUnique({ where: { id: options.contractId } });
  if (!contract) throw new AppError("NOT_FOUND", "No such contract in the registry.");
  const abiFunction = toAbiFunction(options.signature);
  const client = await publicClientFor(contract.chainId);
  const address = getAddress(contract.address) as Address;
  let data: `0x${string}`;
  try {
    const args = coerceAbiArgs(abiFunction.inputs, options.args);
    data = encodeFunctionData({ abi: [abiFunction], functionName: abiFunction.name, args });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("UNPROCESSABLE", `args: ${(error as Error).message.split("\n")[0]}`);
  }
  let blockNumber: bigint;
  let decoded: unknown;
  try {
    // cacheTime 0: viem caches the block number for its polling interval (4 s), and a check run right
    // after an execution must read the block that includes it.
    blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const result = await client.call({ to: address, data, blockNumber });
    decoded = decodeFunctionResult({
      abi: [abiFunction],
      functionName: abiFunction.name,
      data: result.data ?? "0x",
    });
  } catch (error) {
    // A revert or an unreachable RPC is a fact about the chain, not a server bug: say which, record nothing.
    const reason =
      (error as { shortMessage?: string }).shortMessage ?? (error as Error).message.split("\n")[0];
    throw new AppError("BAD_GATEWAY", `Could not read ${abiFunction.name}() on ${contract.name}: ${reason}`);
  }
  const actual = formatReadValue(decoded);
  const isPassed =
    options.expected === null ? null : actual.toLowerCase() === options.expected.trim().toLowerCase();
  return db().$transaction((tx) =>
    appendTimelineEvent(tx, {
      incidentId: options.incidentId,
      kind: "verification.recorded",
      author: options.author,
      payload: {
        contract: contract.name,
        address,
        signature: options.signature,
        args: options.args,
        expected: options.expected,
        actual,
        isPassed,
        blockNumber: blockNumber.toString(),
        source: options.source,
      },
    }),
  );
}
