import type { DbTransaction } from "../db/client";
import { attachRunbookInTx } from "../runbooks";
import type { EventAuthor } from "../timeline";

type ParsedSections = { runbooks?: { anchor: string }[] };

/**
 * Attaches the route's runbook sections to a new incident, in the caller's transaction, through the same
 * operation responders use (so the same checks and the same `runbook.attached` event). `slug#anchor` names a
 * section of that runbook's latest version; a bare anchor is looked up in every runbook's latest version.
 * A reference that no longer resolves is skipped: the incident still gets declared, and the route editor
 * shows the stale reference.
 */
export async function attachRoutedRunbooks(
  tx: DbTransaction,
  options: { incidentId: string; references: string[]; author: EventAuthor },
): Promise<number> {
  if (options.references.length === 0) return 0;
  const documents = await tx.runbookDocument.findMany({
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, parsed: true } } },
  });
  let attached = 0;
  for (const reference of options.references) {
    const [slug, anchor] = reference.includes("#") ? reference.split("#", 2) : [null, reference];
    const version = documents
      .filter((document) => slug === null || document.slug === slug)
      .map((document) => document.versions[0])
      .find((candidate) =>
        (candidate?.parsed as ParsedSections | null)?.runbooks?.some((item) => item.anchor === anchor),
      );
    if (!version || !anchor) continue;
    const { isNew } = await attachRunbookInTx(tx, {
      incidentId: options.incidentId,
      input: { versionId: version.id, anchor },
      author: options.author,
    });
    if (isNew) attached++;
  }
  return attached;
}
