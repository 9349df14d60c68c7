import { readReadiness } from "./read-readiness";

/**
 * Kits of a Safe whose last armed nonce a routine transaction at `nonce` would consume: executing it
 * leaves them with nothing to break the glass with until owners re-sign. The proposal page warns.
 */
export async function findKitsAtRisk(safeId: string, nonce: number) {
  const kits = await readReadiness({ safeId });
  return kits
    .filter(
      (k) =>
        k.readiness?.armedNonces.includes(nonce) &&
        k.readiness.armedNonces.filter((n) => n > nonce).length === 0,
    )
    .map((k) => ({ id: k.kit.id, name: k.kit.name }));
}
