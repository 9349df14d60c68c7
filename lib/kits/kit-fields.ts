import { hashSafeTransaction, type SafeTxCall, safeTxWithoutRefund } from "../safe";

/** The kit's safeTxHash at one nonce: the kit stores everything but the nonce, and never a gas refund. */
export function kitSafeTxHash(chainId: number, safeAddress: string, kit: SafeTxCall, nonce: number) {
  return hashSafeTransaction(chainId, safeAddress, safeTxWithoutRefund(kit, nonce)).safeTxHash;
}
