import { db } from "../db/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { retiredError } from "./lock-kit";
import { ZKitAutomation } from "./schemas";

/** The commander's switch (off by default) and the cool-down between two automatic runs. */
export async function setKitAutomation(options: { kitId: string; input: unknown; author: EventAuthor }) {
  const input = ZKitAutomation.parse(options.input);
  const kit = await db().emergencyKit.findUnique({ where: { id: options.kitId } });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  if (kit.retiredAt) throw retiredError(kit.name);
  if (input.isAutoEnabled && !kit.isPauseLike)
    throw new AppError("UNPROCESSABLE", "isAutoEnabled: only pause-like kits may run automatically.", {
      fields: [{ path: "isAutoEnabled", message: "only pause-like kits may run automatically" }],
    });
  const autoCooldownSeconds = input.autoCooldownSeconds ?? kit.autoCooldownSeconds;
  return db().$transaction(async (tx) => {
    const updated = await tx.emergencyKit.update({
      where: { id: kit.id },
      data: { isAutoEnabled: input.isAutoEnabled, autoCooldownSeconds },
    });
    await appendKitEvent(tx, {
      kitId: kit.id,
      kind: "kit.automation_changed",
      author: options.author,
      payload: { isAutoEnabled: input.isAutoEnabled, autoCooldownSeconds },
    });
    return updated;
  });
}

/** An alert routing rule may name only a pause-like kit (checked where the rule is saved). */
export async function assertAutomatableKit(kitId: string | null | undefined): Promise<void> {
  if (!kitId) return;
  const kit = await db().emergencyKit.findUnique({
    where: { id: kitId },
    select: { isPauseLike: true, retiredAt: true },
  });
  if (!kit)
    throw new AppError("UNPROCESSABLE", "kitId: is not an emergency kit.", {
      fields: [{ path: "kitId", message: "is not an emergency kit" }],
    });
  if (!kit.isPauseLike)
    throw new AppError("UNPROCESSABLE", "kitId: only pause-like kits may run automatically.", {
      fields: [{ path: "kitId", message: "only pause-like kits may run automatically" }],
    });
  if (kit.retiredAt)
    throw new AppError("UNPROCESSABLE", "kitId: this kit is retired.", {
      fields: [{ path: "kitId", message: "this kit is retired" }],
    });
}
