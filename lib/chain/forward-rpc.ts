import { z } from "zod";
import { AppError } from "../errors";
import { getChain } from "./list-chains";

/**
 * The browser reads the chain through this proxy so that RPC URLs (which often carry provider keys) never
 * reach it. Only reads are forwarded: wallets send their own transactions through their own RPC.
 */
const READ_METHODS = new Set([
  "eth_chainId",
  "net_version",
  "eth_blockNumber",
  "eth_call",
  "eth_estimateGas",
  "eth_getBalance",
  "eth_getCode",
  "eth_getStorageAt",
  "eth_getTransactionCount",
  "eth_getTransactionByHash",
  "eth_getTransactionReceipt",
  "eth_getBlockByNumber",
  "eth_getBlockByHash",
  "eth_getLogs",
  "eth_gasPrice",
  "eth_maxPriorityFeePerGas",
  "eth_feeHistory",
  "eth_simulateV1",
]);

const ZRpcCall = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.number(), z.string(), z.null()]),
  method: z.string(),
  params: z.array(z.unknown()).optional(),
});
export const ZRpcBody = z.union([ZRpcCall, z.array(ZRpcCall).max(50)]);

export async function forwardRpc(chainId: number, body: z.infer<typeof ZRpcBody>): Promise<unknown> {
  const calls = Array.isArray(body) ? body : [body];
  const refused = calls.find((call) => !READ_METHODS.has(call.method));
  if (refused)
    throw new AppError("FORBIDDEN", `The RPC proxy only forwards reads; ${refused.method} is not one.`);
  const chain = await getChain(chainId);
  if (!chain) throw new AppError("NOT_FOUND", `Chain ${chainId} is not configured.`);
  let lastError: unknown;
  // Fallback URLs are tried in order of preference.
  for (const url of chain.rpcUrls) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(8_000),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await response.json();
    } catch (error) {
      lastError = error;
    }
  }
  throw new AppError("BAD_GATEWAY", `No RPC of chain ${chainId} answered.`, { cause: lastError });
}
