import type { ActionItemView } from "@/lib/postmortems";
import type { ActionItemRow } from "./action-items-panel";

/** Server → client: dates become ISO strings. */
export function toActionItemRow(item: ActionItemView): ActionItemRow {
  return {
    id: item.id,
    title: item.title,
    status: item.status,
    dueAt: item.dueAt?.toISOString() ?? null,
    isOverdue: item.isOverdue,
    incidentRef: item.incidentRef,
    incidentTitle: item.incidentTitle,
    ownerName: item.ownerName,
    runbookTitle: item.runbookTitle,
    runbookHref: item.runbookId
      ? `/runbooks/${encodeURIComponent(item.runbookSlug ?? item.runbookId)}`
      : null,
  };
}
