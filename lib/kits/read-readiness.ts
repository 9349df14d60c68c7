import { db } from "../db/client";
import type { DecodedCall, TVerificationRead } from "../safe";
import { deriveKitState, type KitState } from "./derive-kit-state";
import { readSafeConfig, type SafeChainView, type SafeConfig } from "./read-safe-config";
import { type KitSimulation, simulateKit } from "./simulate-kit";

/** Everything a page may show about a kit. It is built from an explicit select: never a signature. */
export type KitView = {
  id: string;
  name: string;
  safe: { id: string; label: string; address: string; chainId: number };
  /** The SafeTx without its nonce (owners' browsers hash it per nonce themselves). */
  tx: { to: string; value: string; data: string; operation: number };
  calls: DecodedCall[];
  verifications: TVerificationRead[];
  ladderLength: number;
  isPauseLike: boolean;
  isAutoEnabled: boolean;
  autoCooldownSeconds: number;
  lastAutoRunAt: Date | null;
  lastCheckedAt: Date | null;
  source: { runbook?: string } | null;
  signatures: { nonce: number; owner: string; createdAt: Date; configHash: string }[];
  /** Set once a commander retired the kit (retireKit): it is shown, never offered. */
  retired: { at: Date; by: string | null; reason: string | null } | null;
};

export type KitReadiness = {
  kit: KitView;
  /** Null when the chain could not be read; `error` says why. */
  readiness: (KitState & { chain: SafeChainView; simulation: KitSimulation; readAt: Date }) | null;
  error: string | null;
};

export const KIT_VIEW_SELECT = {
  id: true,
  name: true,
  safe: { select: { id: true, label: true, address: true, chainId: true } },
  to: true,
  value: true,
  data: true,
  operation: true,
  calls: true,
  verifications: true,
  ladderLength: true,
  isPauseLike: true,
  isAutoEnabled: true,
  autoCooldownSeconds: true,
  lastAutoRunAt: true,
  lastCheckedAt: true,
  signedConfig: true,
  source: true,
  signatures: { select: { nonce: true, owner: true, createdAt: true, configHash: true } },
  retiredAt: true,
  retiredBy: true,
  retiredReason: true,
} as const;

type KitRow = NonNullable<Awaited<ReturnType<typeof loadKits>>>[number];

type KitFilter = { id?: string; safeId?: string; includeRetired?: boolean };

function loadKits({ includeRetired, ...where }: KitFilter) {
  return db().emergencyKit.findMany({
    where: includeRetired ? where : { ...where, retiredAt: null },
    select: KIT_VIEW_SELECT,
    orderBy: { createdAt: "asc" },
  });
}

export function toKitView(row: KitRow): KitView {
  return {
    id: row.id,
    name: row.name,
    safe: row.safe,
    tx: { to: row.to, value: row.value, data: row.data, operation: row.operation },
    calls: row.calls as DecodedCall[],
    verifications: row.verifications as TVerificationRead[],
    ladderLength: row.ladderLength,
    isPauseLike: row.isPauseLike,
    isAutoEnabled: row.isAutoEnabled,
    autoCooldownSeconds: row.autoCooldownSeconds,
    lastAutoRunAt: row.lastAutoRunAt,
    lastCheckedAt: row.lastCheckedAt,
    source: (row.source as { runbook?: string } | null) ?? null,
    signatures: row.signatures,
    retired: row.retiredAt ? { at: row.retiredAt, by: row.retiredBy, reason: row.retiredReason } : null,
  };
}

/**
 * Every kit's state, derived now from the chain: each Safe's configuration is read once (one block), each
 * kit is simulated. Writes nothing (pages call this); recheckKits records what it found. Retired kits are
 * left out unless asked for, and are never read from the chain (there is nothing left to arm).
 */
export async function readReadiness(filter: KitFilter = {}): Promise<KitReadiness[]> {
  const rows = await loadKits(filter);
  const bySafe = new Map<string, Promise<SafeChainView>>();
  for (const row of rows)
    if (!row.retiredAt && !bySafe.has(row.safe.id)) {
      const read = readSafeConfig(row.safe.chainId, row.safe.address);
      read.catch(() => {});
      bySafe.set(row.safe.id, read);
    }
  return Promise.all(
    rows.map(async (row): Promise<KitReadiness> => {
      const kit = toKitView(row);
      if (kit.retired) return { kit, readiness: null, error: null };
      try {
        const [chain, simulation] = await Promise.all([
          bySafe.get(row.safe.id)!,
          simulateKit({
            chainId: row.safe.chainId,
            safeAddress: row.safe.address,
            calls: kit.calls,
            verifications: kit.verifications,
          }),
        ]);
        const state = deriveKitState({
          ladderLength: row.ladderLength,
          signedConfig: (row.signedConfig as SafeConfig | null) ?? null,
          signatures: row.signatures,
          chain,
          simulation,
        });
        return { kit, readiness: { ...state, chain, simulation, readAt: new Date() }, error: null };
      } catch (error) {
        const message = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message;
        return { kit, readiness: null, error: `Could not read the chain: ${message.split("\n")[0]}` };
      }
    }),
  );
}
