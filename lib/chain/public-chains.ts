import { listChains } from "./list-chains";
import type { PublicChain } from "./wagmi-config";

/** The chains as the browser may see them (no RPC URLs). */
export async function listPublicChains(): Promise<PublicChain[]> {
  return (await listChains()).map(({ id, name, explorerUrl }) => ({ id, name, explorerUrl }));
}
