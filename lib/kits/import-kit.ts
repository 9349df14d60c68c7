import { db } from "../db/client";
import { AppError, isAppError } from "../errors";
import type { EventAuthor } from "../timeline";
import { storeKitSignatures, type VerifiedKitSignature, verifyKitSignature } from "./add-kit-signature";
import { appendKitEvent } from "./append-kit-event";
import { type KitDefinition, openKitFile } from "./kit-file";
import { readSafeConfig } from "./read-safe-config";

/**
 * Brings a vaulted kit's signatures back. Nothing in the file is trusted: the kit is matched by its fields,
 * and every signature is verified like one made in the browser
 * (recomputed hash, recovered signer, current owner, inside the ladder); those that fail are counted, not stored.
 */
export async function importKit(options: { file: string; passphrase: string; author: EventAuthor }) {
  const { kit: definition, signatures } = openKitFile(options.file, options.passphrase);
  const kit = await findKit(definition);
  const chain = await readSafeConfig(kit.safe.chainId, kit.safe.address);
  const verified: VerifiedKitSignature[] = [];
  let refused = 0;
  for (const s of signatures) {
    try {
      verified.push(
        await verifyKitSignature(kit, chain, { nonce: s.nonce, signature: s.signature, signer: s.owner }),
      );
    } catch (error) {
      if (!isAppError(error)) throw error;
      refused += 1;
    }
  }
  const accepted = await storeKitSignatures(kit.id, chain, verified, options.author, {
    isDuplicateRefused: false,
  });
  await db().$transaction((tx) =>
    appendKitEvent(tx, {
      kitId: kit.id,
      kind: "kit.imported",
      author: options.author,
      payload: { accepted, refused },
    }),
  );
  return { kitId: kit.id, accepted, refused };
}

async function findKit(definition: KitDefinition) {
  const safe = await db().safe.findFirst({
    where: { chainId: definition.chainId, address: { equals: definition.safe, mode: "insensitive" } },
  });
  if (!safe)
    throw new AppError(
      "UNPROCESSABLE",
      `file: its Safe ${definition.safe} on chain ${definition.chainId} is not in the registry.`,
    );
  const fields = {
    safeId: safe.id,
    to: { equals: definition.to, mode: "insensitive" as const },
    data: definition.data.toLowerCase(),
    operation: definition.operation,
  };
  // The kit the file was exported from, when it is still here with the same calls: retiring it must also
  // close the way back in through its vault copies (another kit with the same calls would take them).
  const origin = await db().emergencyKit.findFirst({ where: { id: definition.id, ...fields } });
  if (origin?.retiredAt)
    throw new AppError(
      "CONFLICT",
      `file: the kit it was exported from ("${origin.name}") is retired; its signatures are not taken back.`,
    );
  const same =
    origin ??
    (await db().emergencyKit.findFirst({
      where: { ...fields, retiredAt: null },
      orderBy: { createdAt: "desc" },
    }));
  // Decoded calls in a file are only words someone wrote: a kit is defined here (by an admin, decoded by the
  // server) and a file only brings signatures back to it.
  if (!same)
    throw new AppError(
      "NOT_FOUND",
      `file: no kit in service on ${safe.label} has these calls; an admin defines it first, then import its signatures.`,
    );
  return { ...same, safe };
}
