import type { DbTransaction } from "../db/client";
import { AppError } from "../errors";

function fieldError(path: string, message: string): never {
  throw new AppError("UNPROCESSABLE", `${path}: ${message}.`, { fields: [{ path, message }] });
}

/** The owner must be a member and the runbook a stored document; their names go into the events. */
export async function validateActionItemLinks(
  tx: DbTransaction,
  links: { ownerId?: string | null; runbookId?: string | null },
): Promise<{ ownerName: string | null; runbookTitle: string | null }> {
  let ownerName: string | null = null;
  let runbookTitle: string | null = null;
  if (links.ownerId) {
    const owner = await tx.member.findUnique({ where: { id: links.ownerId } });
    if (!owner) fieldError("ownerId", "is not a member");
    ownerName = owner.displayName;
  }
  if (links.runbookId) {
    const runbook = await tx.runbookDocument.findUnique({ where: { id: links.runbookId } });
    if (!runbook) fieldError("runbookId", "is not a runbook of this console");
    runbookTitle = runbook.title;
  }
  return { ownerName, runbookTitle };
}
