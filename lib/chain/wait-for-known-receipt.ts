import type { Hash, PublicClient, TransactionReceipt } from "viem";
import { AppError } from "../errors";

/**
 * The receipt of a transaction a browser says it sent. A hash the node has never seen (a typo, another chain,
 * a forged request) is refused within `unknownAfterMs` instead of holding the request for the whole receipt
 * timeout: a transaction the wallet just broadcast through this node is visible as pending at once, and a
 * load-balanced RPC catches up within seconds.
 */
export async function waitForKnownReceipt(
  client: Pick<PublicClient, "getTransaction" | "waitForTransactionReceipt">,
  hash: Hash,
  options: { pollingInterval: number; timeout?: number; unknownAfterMs?: number },
): Promise<TransactionReceipt> {
  const deadline = Date.now() + (options.unknownAfterMs ?? 5_000);
  for (;;) {
    const seen = await client.getTransaction({ hash }).then(
      () => true,
      (error: unknown) => {
        if ((error as { name?: string }).name === "TransactionNotFoundError") return false;
        throw error;
      },
    );
    if (seen) break;
    if (Date.now() >= deadline)
      throw new AppError("UNPROCESSABLE", `txHash: ${hash} is not a transaction this chain's node knows.`, {
        fields: [{ path: "txHash", message: "is not a transaction this chain's node knows" }],
      });
    await new Promise((resolve) => setTimeout(resolve, options.pollingInterval));
  }
  try {
    return await client.waitForTransactionReceipt({
      hash,
      timeout: options.timeout ?? 60_000,
      pollingInterval: options.pollingInterval,
    });
  } catch (error) {
    throw new AppError("BAD_GATEWAY", `No receipt for ${hash} yet; record it again once it is mined.`, {
      cause: error,
    });
  }
}
