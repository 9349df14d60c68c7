import { type DbTransaction, db } from "../db/client";
import type { IncidentRunbook } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { type TAttachRunbook, ZAttachRunbook } from "./input-schemas";
import type { ParsedRunbook } from "./schemas";

export type AttachRunbookOptions = { incidentId: string; input: TAttachRunbook; author: EventAuthor };

/**
 * Attaches a section of one runbook version to an incident, with its `runbook.attached` event, inside the
 * caller's transaction (declaring an incident with runbooks uses this). The incident keeps that version
 * even when the runbook is re-imported later. Attaching the same section twice returns the first one.
 */
export async function attachRunbookInTx(
  tx: DbTransaction,
  options: AttachRunbookOptions,
): Promise<{ incidentRunbook: IncidentRunbook; isNew: boolean }> {
  const { versionId, anchor } = ZAttachRunbook.parse(options.input);
  const version = await tx.runbookVersion.findUnique({
    where: { id: versionId },
    include: { document: { select: { title: true } } },
  });
  if (!version) {
    throw new AppError("UNPROCESSABLE", "versionId: no such runbook version.", {
      fields: [{ path: "versionId", message: "no such runbook version" }],
    });
  }
  const section = (version.parsed as ParsedRunbook).runbooks.find((candidate) => candidate.anchor === anchor);
  if (!section) {
    throw new AppError("UNPROCESSABLE", `anchor: the runbook has no section "${anchor}".`, {
      fields: [{ path: "anchor", message: "the runbook has no such section" }],
    });
  }
  const existing = await tx.incidentRunbook.findUnique({
    where: { incidentId_versionId_anchor: { incidentId: options.incidentId, versionId, anchor } },
  });
  if (existing) return { incidentRunbook: existing, isNew: false };
  const incidentRunbook = await tx.incidentRunbook.create({
    data: {
      incidentId: options.incidentId,
      versionId,
      anchor,
      title: section.title,
      attachedBy: options.author.id,
    },
  });
  await appendTimelineEvent(tx, {
    incidentId: options.incidentId,
    kind: "runbook.attached",
    author: options.author,
    payload: {
      incidentRunbookId: incidentRunbook.id,
      document: version.document.title,
      version: version.version,
      anchor,
      title: section.title,
    },
  });
  return { incidentRunbook, isNew: true };
}

export async function attachRunbook(options: AttachRunbookOptions) {
  try {
    return await db().$transaction((tx) => attachRunbookInTx(tx, options));
  } catch (error) {
    // Two responders attached the same section at once: the unique index let one win; return it.
    if ((error as { code?: string })?.code !== "P2002") throw error;
    const { versionId, anchor } = ZAttachRunbook.parse(options.input);
    const incidentRunbook = await db().incidentRunbook.findUniqueOrThrow({
      where: { incidentId_versionId_anchor: { incidentId: options.incidentId, versionId, anchor } },
    });
    return { incidentRunbook, isNew: false };
  }
}
