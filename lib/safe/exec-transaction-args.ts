import type { Address, Hex } from "viem";

/** execTransaction's arguments as the server hands them out (JSON: bigints as decimal strings). */
export type ExecTransactionArgs = {
  to: Address;
  value: string;
  data: Hex;
  operation: number;
  safeTxGas: string;
  baseGas: string;
  gasPrice: string;
  gasToken: Address;
  refundReceiver: Address;
  signatures: Hex;
};

export type ExecutionPlan = {
  chainId: number;
  safeAddress: Address;
  /** execTransaction's arguments, in order; bigints as decimal strings for JSON. */
  args: ExecTransactionArgs;
  signers: Address[];
};

/** The positional arguments of the Safe's execTransaction, for viem/wagmi writeContract. */
export function toExecTransactionArgs(a: ExecTransactionArgs) {
  return [
    a.to,
    BigInt(a.value),
    a.data,
    a.operation,
    BigInt(a.safeTxGas),
    BigInt(a.baseGas),
    BigInt(a.gasPrice),
    a.gasToken,
    a.refundReceiver,
    a.signatures,
  ] as const;
}
