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
      transport: fallback(chain.rpcUrls.map((url) => http(url, { timeout: 8_000, retryCount: 1 }))),
    }) as PublicClient;
    clients.set(key, client);
  }
  return client;
}
