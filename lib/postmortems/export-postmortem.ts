import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { formatIncidentRef } from "../incidents";
import { getPostMortem } from "./get-postmortem";
import { renderPostMortemExport } from "./render-postmortem-export";

/** The incident's post-mortem as one Markdown document (body, tracked action items, approval). */
export async function exportPostMortem(incident: Incident): Promise<{ fileName: string; markdown: string }> {
  const postMortem = await getPostMortem(incident.id);
  if (!postMortem) throw new AppError("NOT_FOUND", "This incident has no post-mortem yet.");
  const items = await db().actionItem.findMany({
    where: { incidentId: incident.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const [owners, runbooks] = await Promise.all([
    db().member.findMany({
      where: { id: { in: items.flatMap((item) => (item.ownerId ? [item.ownerId] : [])) } },
      select: { id: true, displayName: true },
    }),
    db().runbookDocument.findMany({
      where: { id: { in: items.flatMap((item) => (item.runbookId ? [item.runbookId] : [])) } },
      select: { id: true, title: true },
    }),
  ]);
  const ownerName = new Map(owners.map((owner) => [owner.id, owner.displayName]));
  const runbookTitle = new Map(runbooks.map((runbook) => [runbook.id, runbook.title]));
  const ref = formatIncidentRef(incident.number);
  const markdown = renderPostMortemExport({
    incidentRef: ref,
    body: postMortem.body,
    version: postMortem.version,
    status: postMortem.status,
    dueAt: postMortem.dueAt,
    approvedByName: postMortem.approvedByName,
    publishedAt: postMortem.publishedAt,
    actionItems: items.map((item) => ({
      title: item.title,
      ownerName: item.ownerId ? (ownerName.get(item.ownerId) ?? null) : null,
      dueAt: item.dueAt,
      status: item.status,
      runbookTitle: item.runbookId ? (runbookTitle.get(item.runbookId) ?? null) : null,
    })),
  });
  return { fileName: `${ref}-postmortem.md`, markdown };
}
