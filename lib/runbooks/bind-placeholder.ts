import { db } from "../db/client";
import type { PlaceholderBinding } from "../db/generated/client";
import { AppError } from "../errors";
import { type TBindPlaceholder, ZBindPlaceholder } from "./input-schemas";

/**
 * Binds a runbook placeholder to a registry contract (or removes the binding). Remembered for every
 * runbook and every later import that uses the same placeholder.
 */
export async function bindPlaceholder(input: TBindPlaceholder): Promise<PlaceholderBinding | null> {
  const { placeholder, contractId } = ZBindPlaceholder.parse(input);
  if (contractId === null) {
    await db().placeholderBinding.deleteMany({ where: { placeholder } });
    return null;
  }
  const contract = await db().contract.findUnique({ where: { id: contractId } });
  if (!contract) {
    throw new AppError("UNPROCESSABLE", "contractId: no such contract in the registry.", {
      fields: [{ path: "contractId", message: "no such contract in the registry" }],
    });
  }
  return db().placeholderBinding.upsert({
    where: { placeholder },
    create: { placeholder, contractId },
    update: { contractId },
  });
}
