import { db } from "../db/client";
import { env } from "../env";

export type ChainConfig = {
  id: number;
  name: string;
  rpcUrls: string[];
  explorerUrl: string | null;
  /** Set for a drill's fork: the registry chain it copies. */
  drillSourceChainId: number | null;
};

/**
 * Chains from the registry. RPC_URL_<chainId> in the environment overrides the stored URLs, so keyed
 * provider URLs can stay out of the database. RPC URLs never go to the browser (it uses /api/rpc).
 */
export async function listChains(): Promise<ChainConfig[]> {
  // A stopped drill's fork is gone: its chain stays in the record, but nothing reads it any more.
  const rows = await db().chain.findMany({ where: { isRetired: false }, orderBy: { id: "asc" } });
  const overrides = env().RPC_URLS;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    rpcUrls: overrides[String(row.id)] ?? row.rpcUrls,
    explorerUrl: row.explorerUrl,
    drillSourceChainId: row.drillSourceChainId,
  }));
}

export async function getChain(chainId: number): Promise<ChainConfig | undefined> {
  return (await listChains()).find((chain) => chain.id === chainId);
}
