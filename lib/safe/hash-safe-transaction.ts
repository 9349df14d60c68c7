import { type Address, getAddress, type Hex, hashDomain, hashStruct, hashTypedData, zeroAddress } from "viem";

/**
 * EIP-712 SafeTx hashing for Safe v1.3+/v1.4 (domain = chainId + verifyingContract). Pure and free of server
 * imports: the server computes the hashes from the stored fields and the browser computes them again on its
 * own, so a signer can compare both with what a hardware wallet shows (domain hash and message hash).
 */
export type SafeTxFields = {
  to: string;
  value: string;
  data: string;
  operation: number;
  safeTxGas: string;
  baseGas: string;
  gasPrice: string;
  gasToken: string;
  refundReceiver: string;
  nonce: number;
};

/** A call as the Safe executes it, before the gas and refund fields and the nonce are added. */
export type SafeTxCall = { to: string; value: string; data: string; operation: number };

/**
 * The SafeTx the console proposes and signs: no gas refund (every gas field zero, no gas token or refund
 * receiver), so an executor pays its own gas and nothing of the Safe's goes to whoever relays it.
 */
export function safeTxWithoutRefund(call: SafeTxCall, nonce: number): SafeTxFields {
  return {
    to: call.to,
    value: call.value,
    data: call.data,
    operation: call.operation,
    safeTxGas: "0",
    baseGas: "0",
    gasPrice: "0",
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
  };
}

export type SafeTxHashes = { safeTxHash: Hex; domainHash: Hex; messageHash: Hex };

export const SAFE_TX_TYPES = {
  SafeTx: [
    { name: "to", type: "address" },
    { name: "value", type: "uint256" },
    { name: "data", type: "bytes" },
    { name: "operation", type: "uint8" },
    { name: "safeTxGas", type: "uint256" },
    { name: "baseGas", type: "uint256" },
    { name: "gasPrice", type: "uint256" },
    { name: "gasToken", type: "address" },
    { name: "refundReceiver", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

const DOMAIN_TYPES = {
  EIP712Domain: [
    { name: "chainId", type: "uint256" },
    { name: "verifyingContract", type: "address" },
  ],
} as const;

/** The exact typed data a wallet signs with eth_signTypedData_v4 (wagmi's signTypedData). */
export function safeTxTypedData(chainId: number, safeAddress: string, tx: SafeTxFields) {
  return {
    domain: { chainId, verifyingContract: getAddress(safeAddress) as Address },
    types: SAFE_TX_TYPES,
    primaryType: "SafeTx" as const,
    message: {
      to: getAddress(tx.to) as Address,
      value: BigInt(tx.value),
      data: tx.data as Hex,
      operation: tx.operation,
      safeTxGas: BigInt(tx.safeTxGas),
      baseGas: BigInt(tx.baseGas),
      gasPrice: BigInt(tx.gasPrice),
      gasToken: getAddress(tx.gasToken) as Address,
      refundReceiver: getAddress(tx.refundReceiver) as Address,
      nonce: BigInt(tx.nonce),
    },
  };
}

export function hashSafeTransaction(chainId: number, safeAddress: string, tx: SafeTxFields): SafeTxHashes {
  const typed = safeTxTypedData(chainId, safeAddress, tx);
  return {
    safeTxHash: hashTypedData(typed),
    domainHash: hashDomain({ domain: { ...typed.domain, chainId: BigInt(chainId) }, types: DOMAIN_TYPES }),
    messageHash: hashStruct({ data: typed.message, primaryType: "SafeTx", types: SAFE_TX_TYPES }),
  };
}
