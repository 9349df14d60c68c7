import { AppError } from "../errors";

/** One JSON-RPC call to a drill's fork (anvil's own methods: impersonation, balances). */
export async function forkRpc<T = unknown>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  let response: Response;
  try {
    response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new AppError("UNAVAILABLE", `The drill's fork does not answer (${(error as Error).message}).`);
  }
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new AppError("CONFLICT", `The fork refused ${method}: ${body.error.message}`);
  return body.result as T;
}

/**
 * Sends a transaction on the fork as `from` without its key (anvil impersonation), waits for the receipt and
 * stops impersonating. Only ever called with a drill's fork URL.
 */
export async function sendAsImpersonated(
  rpcUrl: string,
  tx: { from: string; to: string; data: string },
): Promise<{ txHash: `0x${string}`; isSuccess: boolean }> {
  await forkRpc(rpcUrl, "anvil_impersonateAccount", [tx.from]);
  try {
    // Gas for the stand-in: a real owner's account on the forked chain may hold nothing.
    await forkRpc(rpcUrl, "anvil_setBalance", [tx.from, "0x56BC75E2D63100000"]);
    const txHash = await forkRpc<`0x${string}`>(rpcUrl, "eth_sendTransaction", [tx]);
    for (let attempt = 0; attempt < 100; attempt++) {
      const receipt = await forkRpc<{ status: string } | null>(rpcUrl, "eth_getTransactionReceipt", [txHash]);
      if (receipt) return { txHash, isSuccess: receipt.status === "0x1" };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new AppError("UNAVAILABLE", `The fork did not mine ${txHash} within 10 s.`);
  } finally {
    await forkRpc(rpcUrl, "anvil_stopImpersonatingAccount", [tx.from]).catch(() => {});
  }
}
