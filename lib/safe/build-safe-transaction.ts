import { type Address, encodeFunctionData, encodePacked, getAddress, type Hex, parseAbi, size } from "viem";
import { AppError } from "../errors";

export const OPERATION_CALL = 0;
export const OPERATION_DELEGATECALL = 1;

export type InnerCall = { to: Address; value: bigint; data: Hex };
export type SafeTxBase = { to: Address; value: bigint; data: Hex; operation: number };

const multiSendAbi = parseAbi(["function multiSend(bytes transactions) payable"]);

/**
 * One call → a plain CALL from the Safe. Several → one MultiSendCallOnly batch, reached by DELEGATECALL
 * (that is how MultiSend works: it runs in the Safe's context). MultiSendCallOnly itself refuses nested
 * delegate calls, so a batch can never smuggle one in.
 */
export function buildSafeTransaction(calls: InnerCall[], multiSendCallOnly: Address | null): SafeTxBase {
  if (calls.length === 0) throw new AppError("UNPROCESSABLE", "calls: add at least one call.");
  if (calls.length === 1) {
    const [call] = calls as [InnerCall];
    return { to: getAddress(call.to), value: call.value, data: call.data, operation: OPERATION_CALL };
  }
  if (!multiSendCallOnly)
    throw new AppError(
      "UNPROCESSABLE",
      "calls: this chain has no MultiSendCallOnly address configured, so calls cannot be batched.",
    );
  return {
    to: getAddress(multiSendCallOnly),
    value: 0n,
    data: encodeFunctionData({
      abi: multiSendAbi,
      functionName: "multiSend",
      args: [encodeMultiSend(calls)],
    }),
    operation: OPERATION_DELEGATECALL,
  };
}

/** MultiSend's packed format: operation (1 byte), to (20), value (32), data length (32), data. */
export function encodeMultiSend(calls: InnerCall[]): Hex {
  const parts = calls.map((call) =>
    encodePacked(
      ["uint8", "address", "uint256", "uint256", "bytes"],
      [OPERATION_CALL, getAddress(call.to), call.value, BigInt(size(call.data)), call.data],
    ),
  );
  return `0x${parts.map((part) => part.slice(2)).join("")}` as Hex;
}

/**
 * DelegateCall lets the target rewrite the Safe's own storage (owners, modules): refuse it to anything but
 * the Safe's known MultiSend contracts.
 */
export function assertOperationAllowed(tx: { to: string; operation: number }, multiSendAddresses: string[]) {
  if (tx.operation === OPERATION_CALL) return;
  if (tx.operation !== OPERATION_DELEGATECALL)
    throw new AppError(
      "UNPROCESSABLE",
      `operation: ${tx.operation} is neither CALL (0) nor DELEGATECALL (1).`,
    );
  const known = multiSendAddresses.map((address) => address.toLowerCase());
  if (!known.includes(tx.to.toLowerCase()))
    throw new AppError(
      "UNPROCESSABLE",
      "operation: DELEGATECALL is only allowed to this chain's MultiSend contracts; it could rewrite the Safe.",
    );
}
