import { type DbTransaction, db } from "../db/client";
import { enqueueStandaloneNotification } from "../notifications";
import { SYSTEM_AUTHOR } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { shortAddress } from "./describe-config-change";
import { type KitReadiness, readReadiness } from "./read-readiness";

export type RecheckResult = { kitId: string; state: string | null; from: string | null; isChanged: boolean };

/**
 * Re-derives every kit (or one Safe's kits) from the chain and records what it found: when, the state, who
 * must sign. Leaving ARMED (or sliding from LOW to STALE) notifies the owners through the notification
 * channels, once: the state is moved with a compare-and-set, so two instances rechecking at once notify once.
 * Called every minute, on chain events (recheckKits({ safeId })) and after an execution through the console.
 */
export async function recheckKits(
  options: { safeId?: string; kitId?: string } = {},
): Promise<RecheckResult[]> {
  const readiness = await readReadiness({
    ...(options.safeId ? { safeId: options.safeId } : {}),
    ...(options.kitId ? { id: options.kitId } : {}),
  });
  const previous = await db().emergencyKit.findMany({
    where: { id: { in: readiness.map((r) => r.kit.id) } },
    select: { id: true, lastState: true },
  });
  const before = new Map(previous.map((row) => [row.id, row.lastState]));
  return Promise.all(readiness.map((entry) => record(entry, before.get(entry.kit.id) ?? null)));
}

async function record(entry: KitReadiness, from: string | null): Promise<RecheckResult> {
  const now = new Date();
  const { kit, readiness } = entry;
  if (!readiness) {
    // The chain did not answer: only the time of the attempt is known; the state stays what it was.
    return { kitId: kit.id, state: from, from, isChanged: false };
  }
  const to = readiness.state;
  const data = {
    lastCheckedAt: now,
    lastState: to,
    lastReason: readiness.reason,
    lastOwnersToSign: to === "ARMED" ? [] : readiness.ownersToSign,
  };
  // `retiredAt: null`: a kit retired while this recheck read the chain is not written, audited or notified.
  if (from === to) {
    await db().emergencyKit.updateMany({ where: { id: kit.id, retiredAt: null }, data });
    return { kitId: kit.id, state: to, from, isChanged: false };
  }
  const isChanged = await db().$transaction(async (tx) => {
    const moved = await tx.emergencyKit.updateMany({
      where: { id: kit.id, lastState: from, retiredAt: null },
      data,
    });
    if (moved.count === 0) return false;
    await appendKitEvent(tx, {
      kitId: kit.id,
      kind: "kit.state_changed",
      author: SYSTEM_AUTHOR,
      payload: { from, to, reason: readiness.reason },
    });
    if (to !== "ARMED" && from !== null) await notifyOwners(tx, entry);
    return true;
  });
  return { kitId: kit.id, state: to, from, isChanged };
}

async function notifyOwners(tx: DbTransaction, entry: KitReadiness) {
  const { kit, readiness } = entry;
  if (!readiness) return;
  const members = await tx.member.findMany({
    where: { address: { in: readiness.ownersToSign, mode: "insensitive" } },
    select: { address: true, displayName: true },
  });
  const names = new Map(members.map((m) => [m.address.toLowerCase(), m.displayName]));
  const owners = readiness.ownersToSign.map((address) => ({
    address,
    name: names.get(address.toLowerCase()) ?? null,
  }));
  const who = owners.map((o) => o.name ?? shortAddress(o.address)).join(", ");
  const base = process.env.NEXTAUTH_URL?.replace(/\/$/, "");
  await enqueueStandaloneNotification(tx, {
    event: "kit_readiness",
    text: `Emergency kit "${kit.name}" (${kit.safe.label}) is ${readiness.state}: ${readiness.reason}. To sign: ${who || "no owner can fix this by signing"}.`,
    url: base ? `${base}/readiness/${kit.id}` : null,
    details: {
      kitId: kit.id,
      kit: kit.name,
      safe: kit.safe.address,
      safeLabel: kit.safe.label,
      state: readiness.state,
      reason: readiness.reason,
      armedNonces: readiness.armedNonces,
      chainNonce: readiness.chain.nonce,
      ownersToSign: owners,
    },
  });
}
