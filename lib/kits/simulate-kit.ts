import { decodeFunctionResult, encodeFunctionData, getAddress, type Hex } from "viem";
import { publicClientFor } from "../chain";
import { db } from "../db/client";
import { type DecodedCall, type Simulation, simulateSafeTransaction, type TVerificationRead } from "../safe";
import { coerceAbiArgs, formatReadValue, toAbiFunction } from "../verifications";

/** One verification read before and after the kit's calls, e.g. `isGloballyPaused() false → true`. */
export type StateChange = {
  contract: string;
  signature: string;
  before: string | null;
  after: string | null;
  expected: string | null;
};

export type KitSimulation = {
  isSuccess: boolean;
  summary: string;
  blockNumber: string;
  at: string;
  method: Simulation["method"];
  changes: StateChange[];
};

type Read = { contract: string; to: Hex; data: Hex; decode: (data: Hex) => string; read: TVerificationRead };

async function prepareReads(reads: TVerificationRead[]): Promise<Read[]> {
  const contracts = await db().contract.findMany({ where: { id: { in: reads.map((r) => r.contractId) } } });
  return reads.flatMap((read) => {
    const contract = contracts.find((c) => c.id === read.contractId);
    if (!contract) return [];
    const fn = toAbiFunction(read.signature);
    const data = encodeFunctionData({
      abi: [fn],
      functionName: fn.name,
      args: coerceAbiArgs(fn.inputs, read.args),
    });
    const decode = (returned: Hex) =>
      formatReadValue(decodeFunctionResult({ abi: [fn], functionName: fn.name, data: returned }));
    return [{ contract: contract.name, to: getAddress(contract.address), data, decode, read }];
  });
}

/**
 * Runs the kit's calls from the Safe on the current state (lib/safe's simulation, eth_simulateV1), with its
 * verification reads appended to the same simulated block: what they return after the calls, next to what
 * they return now, is the state the kit changes.
 */
export async function simulateKit(options: {
  chainId: number;
  safeAddress: string;
  calls: DecodedCall[];
  verifications: TVerificationRead[];
}): Promise<KitSimulation> {
  const reads = await prepareReads(options.verifications);
  const client = await publicClientFor(options.chainId);
  const [simulation, before] = await Promise.all([
    simulateSafeTransaction({
      chainId: options.chainId,
      safeAddress: options.safeAddress,
      calls: [
        ...options.calls.map((c) => ({ to: c.to, value: c.value, data: c.data })),
        ...reads.map((r) => ({ to: r.to, value: "0", data: r.data })),
      ],
    }),
    Promise.all(
      reads.map(async (r) => {
        try {
          const result = await client.call({ to: r.to, data: r.data });
          return r.decode(result.data ?? "0x");
        } catch {
          return null;
        }
      }),
    ),
  ]);
  const own = simulation.calls.slice(0, options.calls.length);
  const failed = own.find((call) => !call.isSuccess);
  const changes = reads.map((r, i) => {
    const after = simulation.calls[options.calls.length + i];
    let value: string | null = null;
    if (!failed && after?.isSuccess && after.returnData) value = r.decode(after.returnData);
    return {
      contract: r.contract,
      signature: r.read.signature,
      before: before[i] ?? null,
      after: value,
      expected: r.read.expected,
    };
  });
  const names = options.calls.map((c) => c.functionName);
  return {
    isSuccess: !failed,
    summary: failed
      ? `${names[failed.index] ?? `call ${failed.index + 1}`}() reverts: ${failed.revert?.message ?? "no reason"}`
      : `${names.map((n) => `${n}()`).join(", ")} succeed${names.length === 1 ? "s" : ""} from the Safe${changes.length ? `: ${changes.map(describeChange).join("; ")}` : ""}`,
    blockNumber: simulation.blockNumber,
    at: simulation.at,
    method: simulation.method,
    changes,
  };
}

export function describeChange(change: StateChange): string {
  const name = change.signature.replace(/\(.*$/, "()");
  return `${name} ${change.before ?? "?"} → ${change.after ?? "?"}`;
}
