import type { DbTransaction } from "../db/client";
import { appendTimelineEvent, type EventAuthor } from "../timeline";

type ParsedSections = { runbooks?: { anchor: string; title: string }[] };

/**
 * Attaches the route's runbook sections to a new incident, each with its `runbook.attached` event, in the
 * caller's transaction. `slug#anchor` names a section of that runbook's latest version; a bare anchor is
 * looked up in every runbook's latest version. A reference that no longer resolves is skipped: the
 * incident still gets declared, and the route editor shows the stale reference.
 */
export async function attachRoutedRunbooks(
  tx: DbTransaction,
  options: { incidentId: string; references: string[]; author: EventAuthor; now: Date },
): Promise<number> {
  if (options.references.length === 0) return 0;
  const documents = await tx.runbookDocument.findMany({
    include: { versions: { orderBy: { version: "desc" }, take: 1 } },
  });
  let attached = 0;
  for (const reference of options.references) {
    const [slug, anchor] = reference.includes("#") ? reference.split("#", 2) : [null, reference];
    for (const document of documents) {
      if (slug !== null && document.slug !== slug) continue;
      const version = document.versions[0];
      const section = (version?.parsed as ParsedSections | null)?.runbooks?.find(
        (item) => item.anchor === anchor,
      );
      if (!version || !section) continue;
      const exists = await tx.incidentRunbook.findUnique({
        where: {
          incidentId_versionId_anchor: {
            incidentId: options.incidentId,
            versionId: version.id,
            anchor: section.anchor,
          },
        },
      });
      if (exists) break;
      const row = await tx.incidentRunbook.create({
        data: {
          incidentId: options.incidentId,
          versionId: version.id,
          anchor: section.anchor,
          title: section.title,
          attachedBy: options.author.label,
        },
      });
      await appendTimelineEvent(tx, {
        incidentId: options.incidentId,
        kind: "runbook.attached",
        author: options.author,
        at: options.now,
        payload: {
          incidentRunbookId: row.id,
          document: document.title,
          version: version.version,
          anchor: section.anchor,
          title: section.title,
        },
      });
      attached++;
      break;
    }
  }
  return attached;
}
