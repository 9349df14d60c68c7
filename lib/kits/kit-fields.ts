import { zeroAddress } from "viem";
import { hashSafeTransaction, type SafeTxFields } from "../safe";

type KitTx = { to: string; value: string; data: string; operation: number };

/** The kit's SafeTx at one nonce: the kit stores everything but the nonce; gas fields are always zero. */
export function kitSafeTxFields(kit: KitTx, nonce: number): SafeTxFields {
  return {
    to: kit.to,
    value: kit.value,
    data: kit.data,
    operation: kit.operation,
    safeTxGas: "0",
    baseGas: "0",
    gasPrice: "0",
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
  };
}

export function kitSafeTxHash(chainId: number, safeAddress: string, kit: KitTx, nonce: number) {
  return hashSafeTransaction(chainId, safeAddress, kitSafeTxFields(kit, nonce)).safeTxHash;
}
