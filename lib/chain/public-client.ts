import { createPublicClient, fallback, http, type PublicClient } from "viem";
import { AppError } from "../errors";
import { getChain } from "./list-chains";

const clients = new Map<string, PublicClient>();

/**
 * A viem client for a registry chain, trying its RPC URLs in order of preference (viem's fallback transport).
 * Cached per chain and URL list, so a changed registry gets a new client.
 */
export async function publicClientFor(chainId: number): Promise<PublicClient> {
  const chain = await getChain(chainId);
  if (!chain || chain.rpcUrls.length === 0)
    throw new AppError("NOT_FOUND", `Chain ${chainId} has no RPC URL configured.`);
  const key = `${chainId}:${chain.rpcUrls.join(",")}`;
  let client = clients.get(key);
  if (!client) {
    client = createPublicClient({
      // Fail fast when every URL is down (degraded mode decides what to do), rather than retrying the whole
      // list three times: each URL gets one retry, the list is walked once.
      transport: fallback(
        chain.rpcUrls.map((url) => http(url, { timeout: 8_000, retryCount: 1, retryDelay: 100 })),
        { retryCount: 0 },
      ),
    }) as PublicClient;
    clients.set(key, client);
  }
  return client;
}
