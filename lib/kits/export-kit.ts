import { decryptSecret } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { appendKitEvent } from "./append-kit-event";
import { type KitDefinition, sealKitFile } from "./kit-file";
import { retiredError } from "./lock-kit";
import { readSafeConfig } from "./read-safe-config";

/** A commander's encrypted copy of a kit for an offline vault (the signatures still usable on chain). */
export async function exportKit(options: { kitId: string; passphrase: string; author: EventAuthor }) {
  const kit = await db().emergencyKit.findUnique({
    where: { id: options.kitId },
    include: { safe: true, signatures: true },
  });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  if (kit.retiredAt) throw retiredError(kit.name);
  const chain = await readSafeConfig(kit.safe.chainId, kit.safe.address);
  // Used nonces can never execute again: they are not worth carrying.
  const live = kit.signatures.filter((s) => s.nonce >= chain.nonce);
  const definition: KitDefinition = {
    id: kit.id,
    name: kit.name,
    chainId: kit.safe.chainId,
    safe: kit.safe.address,
    to: kit.to,
    value: kit.value,
    data: kit.data,
    operation: kit.operation,
    calls: kit.calls as Record<string, unknown>[],
    verifications: kit.verifications as Record<string, unknown>[],
    ladderLength: kit.ladderLength,
  };
  const file = sealKitFile(
    definition,
    live.map((s) => ({ nonce: s.nonce, owner: s.owner, signature: decryptSecret(s.signatureCipher) })),
    options.passphrase,
  );
  await db().$transaction((tx) =>
    appendKitEvent(tx, {
      kitId: kit.id,
      kind: "kit.exported",
      author: options.author,
      payload: { signatures: live.length },
    }),
  );
  const slug =
    kit.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "kit";
  return { filename: `${slug}.breakglass-kit.json`, file };
}
