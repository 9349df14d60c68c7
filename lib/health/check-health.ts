import { createPublicClient, http } from "viem";
import { listChains } from "../chain";
import { db } from "../db/client";
import { readMigrations } from "../db/migrate-files";
import { type ChainWatchStatus, readWatchStatus } from "../watch";

export type ChainHealth = {
  chainId: number;
  name: string;
  status: "ok" | "unreachable";
  blockNumber: string | null;
  answeredBy: number | null;
};
export type Health = {
  status: "ok" | "degraded" | "down";
  database: "ok" | "unreachable";
  migrations: { status: "current" | "pending" | "unknown"; pending: string[] };
  chains: ChainHealth[];
  /** Each chain's watcher (lib/watch): lagging or stopped makes the console degraded. */
  watch: ChainWatchStatus[];
};

const TIMEOUT_MS = 2_000;

/** Which RPC (by position: URLs may carry keys and are never shown) answered for a chain, if any. */
async function checkChain(chain: { id: number; name: string; rpcUrls: string[] }): Promise<ChainHealth> {
  for (const [index, url] of chain.rpcUrls.entries()) {
    try {
      const client = createPublicClient({ transport: http(url, { timeout: TIMEOUT_MS, retryCount: 0 }) });
      const blockNumber = await client.getBlockNumber();
      return {
        chainId: chain.id,
        name: chain.name,
        status: "ok",
        blockNumber: blockNumber.toString(),
        answeredBy: index,
      };
    } catch {
      // try the next URL in order of preference
    }
  }
  return { chainId: chain.id, name: chain.name, status: "unreachable", blockNumber: null, answeredBy: null };
}

/** Database, each chain's RPC, and whether every migration on disk is applied. */
export async function checkHealth(): Promise<Health> {
  let database: Health["database"] = "ok";
  let migrations: Health["migrations"] = { status: "unknown", pending: [] };
  let chains: ChainHealth[] = [];
  let watch: ChainWatchStatus[] = [];
  try {
    const applied = await db().$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const names = new Set(applied.map((row) => row.migration_name));
    const pending = readMigrations()
      .map((migration) => migration.name)
      .filter((name) => !names.has(name));
    migrations = { status: pending.length === 0 ? "current" : "pending", pending };
    [chains, watch] = await Promise.all([
      listChains().then((rows) => Promise.all(rows.map(checkChain))),
      readWatchStatus(),
    ]);
  } catch {
    database = "unreachable";
  }
  const isDegraded =
    migrations.status !== "current" ||
    chains.some((chain) => chain.status !== "ok") ||
    watch.some((chain) => chain.status === "lagging" || chain.status === "stopped");
  return {
    status: database === "unreachable" ? "down" : isDegraded ? "degraded" : "ok",
    database,
    migrations,
    chains,
    watch,
  };
}
