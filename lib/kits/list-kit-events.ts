import { db } from "../db/client";

/** A kit's audit log, newest first. */
export function listKitEvents(kitId: string, take = 100) {
  return db().kitEvent.findMany({ where: { kitId }, orderBy: { id: "desc" }, take });
}

/**
 * The kits this member must sign, from the last recheck (the sign-in banner; reading the chain on every
 * page of the console would cost every page a round trip to the RPC).
 */
export function listKitBanners(address: string) {
  return db().emergencyKit.findMany({
    where: { retiredAt: null, lastOwnersToSign: { has: address }, lastState: { in: ["LOW", "STALE"] } },
    select: { id: true, name: true, lastState: true, lastReason: true },
  });
}
