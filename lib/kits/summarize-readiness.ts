import { db } from "../db/client";

export type ReadinessSummary = {
  kits: { id: string; name: string; safeLabel: string; state: string | null; reason: string | null }[];
  lastCheckedAt: Date | null;
};

/** The dashboard's readiness card: each kit as the background recheck last left it (no chain reads). */
export async function summarizeReadiness(): Promise<ReadinessSummary> {
  const rows = await db().emergencyKit.findMany({
    where: { retiredAt: null },
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      name: true,
      lastState: true,
      lastReason: true,
      lastCheckedAt: true,
      safe: { select: { label: true } },
    },
  });
  const checked = rows.map((r) => r.lastCheckedAt?.getTime() ?? 0).filter((t) => t > 0);
  return {
    kits: rows.map((r) => ({
      id: r.id,
      name: r.name,
      safeLabel: r.safe.label,
      state: r.lastState,
      reason: r.lastReason,
    })),
    // The oldest check: how current the whole card is.
    lastCheckedAt: checked.length ? new Date(Math.min(...checked)) : null,
  };
}
