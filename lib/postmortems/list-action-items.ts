import { db } from "../db/client";
import type { ActionItem, ActionItemStatus, Prisma } from "../db/generated/client";
import { formatIncidentRef } from "../incidents";
import { ZActionItemFilter } from "./schemas";

/** Straight from a query string: unknown statuses are ignored rather than refused (a filter, not a form). */
export type ActionItemFilterQuery = { status?: string; ownerId?: string; incidentId?: string };

export type ActionItemView = {
  id: string;
  title: string;
  status: ActionItemStatus;
  dueAt: Date | null;
  isOverdue: boolean;
  incidentId: string;
  incidentRef: string;
  incidentTitle: string;
  ownerId: string | null;
  ownerName: string | null;
  runbookId: string | null;
  runbookSlug: string | null;
  runbookTitle: string | null;
  createdAt: Date;
};

const ACTIVE: ActionItemStatus[] = ["open", "in_progress"];
const LIMIT = 500;

export function isActionItemOverdue(
  item: { status: ActionItemStatus; dueAt: Date | null },
  now: Date,
): boolean {
  return ACTIVE.includes(item.status) && item.dueAt !== null && item.dueAt.getTime() < now.getTime();
}

/** Overdue first, then other open items by due date (none last), then finished ones. */
function rank(item: ActionItemView): number {
  if (item.isOverdue) return 0;
  return ACTIVE.includes(item.status) ? 1 : 2;
}

function compareItems(a: ActionItemView, b: ActionItemView): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  const dueA = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1);
}

async function toViews(items: ActionItem[], now: Date): Promise<ActionItemView[]> {
  const [incidents, owners, runbooks] = await Promise.all([
    db().incident.findMany({
      where: { id: { in: [...new Set(items.map((item) => item.incidentId))] } },
      select: { id: true, number: true, title: true },
    }),
    db().member.findMany({
      where: { id: { in: items.flatMap((item) => (item.ownerId ? [item.ownerId] : [])) } },
      select: { id: true, displayName: true },
    }),
    db().runbookDocument.findMany({
      where: { id: { in: items.flatMap((item) => (item.runbookId ? [item.runbookId] : [])) } },
      select: { id: true, slug: true, title: true },
    }),
  ]);
  const incidentById = new Map(incidents.map((incident) => [incident.id, incident]));
  const ownerById = new Map(owners.map((owner) => [owner.id, owner.displayName]));
  const runbookById = new Map(runbooks.map((runbook) => [runbook.id, runbook]));
  return items.map((item) => {
    const incident = incidentById.get(item.incidentId);
    const runbook = item.runbookId ? runbookById.get(item.runbookId) : undefined;
    return {
      id: item.id,
      title: item.title,
      status: item.status,
      dueAt: item.dueAt,
      isOverdue: isActionItemOverdue(item, now),
      incidentId: item.incidentId,
      incidentRef: incident ? formatIncidentRef(incident.number) : "?",
      incidentTitle: incident?.title ?? "",
      ownerId: item.ownerId,
      ownerName: item.ownerId ? (ownerById.get(item.ownerId) ?? null) : null,
      runbookId: item.runbookId,
      runbookSlug: runbook?.slug ?? null,
      runbookTitle: runbook?.title ?? null,
      createdAt: item.createdAt,
    };
  });
}

/** Action items across incidents (or of one), filtered by status and owner, overdue first. */
export async function listActionItems(filter: ActionItemFilterQuery, now: Date): Promise<ActionItemView[]> {
  const parsed = ZActionItemFilter.parse(filter);
  const where: Prisma.ActionItemWhereInput = {
    ...(parsed.status ? { status: parsed.status } : {}),
    ...(parsed.ownerId ? { ownerId: parsed.ownerId } : {}),
    ...(parsed.incidentId ? { incidentId: parsed.incidentId } : {}),
  };
  // Active items first in the query too, so the cap never hides an overdue one behind finished ones.
  const items = await db().actionItem.findMany({
    where,
    orderBy: [{ status: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: LIMIT,
  });
  return (await toViews(items, now)).sort(compareItems);
}

/** Open or in-progress items past their due date, most overdue first (the dashboard's list). */
export async function listOverdueActionItems(now: Date): Promise<ActionItemView[]> {
  const items = await db().actionItem.findMany({
    where: { status: { in: ACTIVE }, dueAt: { lt: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: LIMIT,
  });
  return (await toViews(items, now)).sort(compareItems);
}
