import { db } from "../db/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { KIT_EXECUTION_LOCK_MS } from "./claim-kit-execution";
import { lockKit } from "./lock-kit";
import { ZRetireKit } from "./schemas";

export type RetiredKit = {
  id: string;
  retiredAt: Date;
  signaturesDestroyed: number;
  exports: number;
  unsentHandovers: number;
  highestSignedNonce: number | null;
};

/**
 * Takes a kit out of service (commanders): it is no longer offered to break, rechecked, signed, imported
 * into or run by an alert, and its stored signatures are deleted, so this server can never send it again.
 * The row stays for its audit log and the incidents that used it. Signatures already exported to a vault
 * stay valid on chain until the Safe's nonce passes them, and so does calldata handed to a wallet that was
 * never sent: the audit entry records how many of each and the highest signed nonce, which is what the page
 * tells the commander to burn.
 */
export async function retireKit(options: {
  kitId: string;
  input: unknown;
  author: EventAuthor;
  now?: Date;
}): Promise<RetiredKit> {
  const { reason } = ZRetireKit.parse(options.input);
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    // The lock break glass and signing take: none of them is half-way through while the kit is retired.
    await lockKit(tx, options.kitId);
    const kit = await tx.emergencyKit.findUnique({
      where: { id: options.kitId },
      select: { id: true, name: true, retiredAt: true },
    });
    if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
    if (kit.retiredAt) throw new AppError("CONFLICT", `"${kit.name}" is already retired.`);
    const running = await tx.kitExecution.findFirst({
      where: {
        kitId: kit.id,
        state: { in: ["claimed", "sent"] },
        startedAt: { gt: new Date(now.getTime() - KIT_EXECUTION_LOCK_MS) },
      },
      select: { id: true },
    });
    if (running)
      throw new AppError(
        "CONFLICT",
        `"${kit.name}" is being used to break the glass right now; retire it once that transaction has ended.`,
      );
    const highest = await tx.kitSignature.aggregate({ where: { kitId: kit.id }, _max: { nonce: true } });
    const destroyed = await tx.kitSignature.deleteMany({ where: { kitId: kit.id } });
    const exports = await tx.kitEvent.count({ where: { kitId: kit.id, kind: "kit.exported" } });
    // A wallet-mode claim hands execTransaction's calldata (signatures included) to the responder's wallet at
    // once; one that never ended executed may still be sitting in that wallet, valid at its nonce.
    const unsentHandovers = await tx.kitExecution.count({
      where: { kitId: kit.id, mode: "wallet", state: { notIn: ["executed", "verified"] } },
    });
    await tx.emergencyKit.update({
      where: { id: kit.id },
      data: {
        retiredAt: now,
        retiredBy: options.author.label,
        retiredReason: reason,
        isAutoEnabled: false,
        lastOwnersToSign: [],
      },
    });
    const payload = {
      reason,
      signaturesDestroyed: destroyed.count,
      exports,
      unsentHandovers,
      highestSignedNonce: highest._max.nonce ?? null,
    };
    await appendKitEvent(tx, { kitId: kit.id, kind: "kit.retired", author: options.author, payload });
    return { id: kit.id, retiredAt: now, ...payload };
  });
}
