import { db } from "../db/client";
import type { PostMortemStatus } from "../db/generated/client";
import { formatIncidentRef } from "../incidents";

export type PostMortemListItem = {
  id: string;
  incidentId: string;
  incidentRef: string;
  incidentTitle: string;
  severityName: string;
  status: PostMortemStatus;
  dueAt: Date;
  resolvedAt: Date | null;
  publishedAt: Date | null;
};

async function withIncidents(
  rows: { id: string; incidentId: string; status: PostMortemStatus; dueAt: Date; publishedAt: Date | null }[],
): Promise<PostMortemListItem[]> {
  const incidents = await db().incident.findMany({
    where: { id: { in: rows.map((row) => row.incidentId) } },
    select: { id: true, number: true, title: true, severityName: true, resolvedAt: true },
  });
  const byId = new Map(incidents.map((incident) => [incident.id, incident]));
  return rows.flatMap((row) => {
    const incident = byId.get(row.incidentId);
    if (!incident) return [];
    return [
      {
        id: row.id,
        incidentId: row.incidentId,
        incidentRef: formatIncidentRef(incident.number),
        incidentTitle: incident.title,
        severityName: incident.severityName,
        status: row.status,
        dueAt: row.dueAt,
        resolvedAt: incident.resolvedAt,
        publishedAt: row.publishedAt,
      },
    ];
  });
}

const LIST_SELECT = { id: true, incidentId: true, status: true, dueAt: true, publishedAt: true } as const;

/** Unpublished post-mortems past their due date, most overdue first (the dashboard's list). */
export async function listOverduePostMortems(now: Date): Promise<PostMortemListItem[]> {
  const rows = await db().postMortem.findMany({
    where: { status: { not: "published" }, dueAt: { lt: now } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: LIST_SELECT,
    take: 200,
  });
  return withIncidents(rows);
}

/** Unpublished ones by due date, then the most recently published. */
export async function listPostMortems(options: { take?: number } = {}): Promise<PostMortemListItem[]> {
  const take = options.take ?? 100;
  const [open, published] = await Promise.all([
    db().postMortem.findMany({
      where: { status: { not: "published" } },
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      select: LIST_SELECT,
      take,
    }),
    db().postMortem.findMany({
      where: { status: "published" },
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      select: LIST_SELECT,
      take,
    }),
  ]);
  return withIncidents([...open, ...published]);
}
