import type { DbTransaction } from "../db/client";
import { AppError } from "../errors";

/** Serialises everything that changes what a kit can send: break glass, signing, retiring. */
export async function lockKit(tx: DbTransaction, kitId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`kit:${kitId}`}))`;
}

/** Inside a transaction holding lockKit: refuses a retired kit (it may have been retired since it was read). */
export async function assertKitInService(tx: DbTransaction, kitId: string): Promise<void> {
  const kit = await tx.emergencyKit.findUnique({
    where: { id: kitId },
    select: { name: true, retiredAt: true },
  });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  if (kit.retiredAt) throw retiredError(kit.name);
}

export function retiredError(name: string): AppError {
  return new AppError("CONFLICT", `"${name}" is retired: it can no longer be signed, exported or used.`);
}
