import { decodeFunctionResult, encodeFunctionData, getAddress, type Hex, numberToHex } from "viem";
import { publicClientFor } from "../chain";
import { coerceAbiArgs, formatReadValue, toAbiFunction } from "../verifications";
import { type DecodedRevert, decodeRevert } from "./decode-revert";

export type CallSimulation = {
  index: number;
  isSuccess: boolean;
  gasUsed: string;
  /** What the call returned (eth_simulateV1 only): a kit reads its verification calls' values after its own. */
  returnData?: Hex;
  revert?: DecodedRevert;
};
export type Simulation = {
  isSuccess: boolean;
  summary: string;
  blockNumber: string;
  gasUsed: string;
  at: string;
  method: "eth_simulateV1" | "eth_call";
  calls: CallSimulation[];
  /** The reads the runbook verifies, before and after the calls in the same simulated block. */
  stateChanges?: StateChange[];
};

/** A verification read (`isGloballyPaused()(bool)` on a contract) to show before → after. */
export type StateRead = {
  contract: string;
  address: string;
  signature: string;
  args: string[];
  expected: string | null;
};
export type StateChange = StateRead & { before: string | null; after: string | null };

type Call = { to: string; value: string; data: string };

type SimulatedCall = { status: Hex; returnData: Hex; gasUsed: Hex; error?: { message?: string; data?: Hex } };

/**
 * Runs the inner call(s) FROM the Safe on the current chain state, before anyone signs and again right
 * before execution. eth_simulateV1 gives one result per call with state carried between them, which is what
 * a MultiSend batch does (MultiSendCallOnly itself reverts with empty data, so it cannot say which call
 * failed). Nodes without eth_simulateV1 get independent eth_calls.
 */
export async function simulateSafeTransaction(options: {
  chainId: number;
  safeAddress: string;
  calls: Call[];
  reads?: StateRead[];
}): Promise<Simulation> {
  const client = await publicClientFor(options.chainId);
  const from = getAddress(options.safeAddress);
  const block = await client.getBlock();
  const blockNumber = block.number;
  const rpcCalls = options.calls.map((call) => ({
    from,
    to: getAddress(call.to),
    data: call.data as Hex,
    value: numberToHex(BigInt(call.value)),
  }));
  const reads = (options.reads ?? []).flatMap((read) => {
    try {
      const abiFunction = toAbiFunction(read.signature);
      const data = encodeFunctionData({
        abi: [abiFunction],
        functionName: abiFunction.name,
        args: coerceAbiArgs(abiFunction.inputs, read.args),
      });
      return [{ read, abiFunction, call: { from, to: getAddress(read.address), data, value: "0x0" as Hex } }];
    } catch {
      return []; // A read that cannot be encoded is shown by the verification itself, after execution.
    }
  });
  const readCalls = reads.map((entry) => entry.call);
  let method: Simulation["method"] = "eth_simulateV1";
  let results: SimulatedCall[];
  let stateChanges: StateChange[] | undefined;
  try {
    const blocks = (await client.request({
      method: "eth_simulateV1" as "eth_call",
      // The simulated block comes after the latest one, as the real execution will: without the explicit
      // time some nodes reuse the parent's timestamp, and a timelock would look one second short.
      params: [
        {
          // The reads before and after the calls, in the same block: the state the calls change, as a diff.
          blockStateCalls: [
            {
              blockOverrides: { time: numberToHex(block.timestamp + 1n) },
              calls: [...readCalls, ...rpcCalls, ...readCalls],
            },
          ],
          validation: false,
        },
        numberToHex(blockNumber),
      ] as never,
    })) as unknown as { calls: SimulatedCall[] }[];
    const all = blocks[0]!.calls;
    results = all.slice(readCalls.length, readCalls.length + rpcCalls.length);
    if (reads.length > 0) {
      const decode = (entry: (typeof reads)[number], result: SimulatedCall | undefined) => {
        if (result?.status !== "0x1") return null;
        try {
          const value = decodeFunctionResult({
            abi: [entry.abiFunction],
            functionName: entry.abiFunction.name,
            data: result.returnData,
          });
          return formatReadValue(value);
        } catch {
          return null;
        }
      };
      stateChanges = reads.map((entry, index) => ({
        ...entry.read,
        before: decode(entry, all[index]),
        after: decode(entry, all[readCalls.length + rpcCalls.length + index]),
      }));
    }
  } catch (error) {
    if (!isMethodMissing(error)) throw error;
    method = "eth_call";
    results = await Promise.all(rpcCalls.map((call) => ethCall(client, call)));
  }
  const calls: CallSimulation[] = [];
  for (const [index, result] of results.entries()) {
    const isSuccess = result.status === "0x1";
    const revertData = (result.error?.data ?? result.returnData) as Hex | undefined;
    calls.push({
      index,
      isSuccess,
      gasUsed: BigInt(result.gasUsed ?? "0x0").toString(),
      ...(isSuccess && method === "eth_simulateV1" ? { returnData: result.returnData } : {}),
      ...(isSuccess ? {} : { revert: await decodeRevert(options.chainId, rpcCalls[index]!.to, revertData) }),
    });
  }
  const failed = calls.find((call) => !call.isSuccess);
  const gasUsed = calls.reduce((sum, call) => sum + BigInt(call.gasUsed), 0n).toString();
  return {
    isSuccess: !failed,
    summary: failed
      ? `Call ${failed.index + 1} reverts: ${failed.revert?.message ?? "no reason"}`
      : `All ${calls.length} call(s) succeed from the Safe (gas ≈ ${gasUsed}).`,
    blockNumber: blockNumber.toString(),
    gasUsed,
    at: new Date().toISOString(),
    method,
    calls,
    ...(stateChanges ? { stateChanges } : {}),
  };
}

function isMethodMissing(error: unknown): boolean {
  const text = String((error as Error)?.message ?? error);
  return /method not found|not supported|does not exist|-32601/i.test(text);
}

type Client = Awaited<ReturnType<typeof publicClientFor>>;

async function ethCall(
  client: Client,
  call: { from: Hex; to: Hex; data: Hex; value: Hex },
): Promise<SimulatedCall> {
  try {
    const gas = await client.estimateGas({
      account: call.from,
      to: call.to,
      data: call.data,
      value: BigInt(call.value),
    });
    return { status: "0x1", returnData: "0x", gasUsed: numberToHex(gas) };
  } catch (error) {
    return { status: "0x0", returnData: findRevertData(error) ?? "0x", gasUsed: "0x0" };
  }
}

function findRevertData(error: unknown): Hex | undefined {
  let current = error as { data?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 8; depth++) {
    if (typeof current.data === "string" && current.data.startsWith("0x")) return current.data as Hex;
    current = current.cause as typeof current;
  }
  return undefined;
}
