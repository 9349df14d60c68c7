import {
  type Address,
  concatHex,
  createPublicClient,
  createWalletClient,
  getAddress,
  type Hex,
  hashTypedData,
  http,
  parseAbi,
  zeroAddress,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

const safeExecAbi = parseAbi([
  "function nonce() view returns (uint256)",
  "function execTransaction(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, bytes signatures) payable returns (bool success)",
]);

/**
 * What a team does in Safe{Wallet} without the console: the owners sign a Safe transaction (EIP-712, their
 * real keys) and one of them executes it. For tests, the bench and the demo's "outside the console" stories.
 */
export async function execSafeAsOwners(options: {
  rpcUrl: string;
  chainId: number;
  safe: Address;
  ownerKeys: Hex[];
  to: Address;
  data: Hex;
  /** Sends without waiting for the receipt (a chain that mines on a timer). */
  isNoWait?: boolean;
}): Promise<{ txHash: Hex; safeTxHash: Hex }> {
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ transport });
  const nonce = await publicClient.readContract({
    address: options.safe,
    abi: safeExecAbi,
    functionName: "nonce",
  });
  const message = {
    to: getAddress(options.to),
    value: 0n,
    data: options.data,
    operation: 0,
    safeTxGas: 0n,
    baseGas: 0n,
    gasPrice: 0n,
    gasToken: zeroAddress,
    refundReceiver: zeroAddress,
    nonce,
  };
  const typed = {
    domain: { chainId: options.chainId, verifyingContract: getAddress(options.safe) },
    types: {
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
    },
    primaryType: "SafeTx",
    message,
  } as const;
  const accounts = options.ownerKeys
    .map((key) => privateKeyToAccount(key))
    .sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
  const signatures = await Promise.all(accounts.map((account) => account.signTypedData(typed)));
  const wallet = createWalletClient({ transport, account: accounts[0]! });
  const txHash = await wallet.writeContract({
    chain: null,
    address: options.safe,
    abi: safeExecAbi,
    functionName: "execTransaction",
    args: [message.to, 0n, message.data, 0, 0n, 0n, 0n, zeroAddress, zeroAddress, concatHex(signatures)],
  });
  if (!options.isNoWait) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: txHash, pollingInterval: 20 });
    if (receipt.status !== "success") throw new Error(`execTransaction ${txHash} reverted`);
  }
  return { txHash, safeTxHash: hashTypedData(typed) };
}
