import { db } from "../db/client";

export type BreakableKit = {
  id: string;
  name: string;
  safeLabel: string;
  chainId: number;
  /** As the last recheck left it (every minute and on chain events); break glass re-derives it. */
  lastState: string | null;
  lastCheckedAt: Date | null;
};

/**
 * Kits an incident page offers to break: not STALE at the last recheck. Read from the database only, so an
 * incident page under load makes no chain reads for them; pressing the button simulates at the current
 * nonce on the current state and refuses a kit that is no longer armed.
 */
export async function listBreakableKits(): Promise<BreakableKit[]> {
  const kits = await db().emergencyKit.findMany({
    where: { retiredAt: null, OR: [{ lastState: null }, { lastState: { not: "STALE" } }] },
    orderBy: [{ isPauseLike: "desc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      lastState: true,
      lastCheckedAt: true,
      safe: { select: { label: true, chainId: true } },
    },
  });
  return kits.map((kit) => ({
    id: kit.id,
    name: kit.name,
    safeLabel: kit.safe.label,
    chainId: kit.safe.chainId,
    lastState: kit.lastState,
    lastCheckedAt: kit.lastCheckedAt,
  }));
}
