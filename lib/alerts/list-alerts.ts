import { db } from "../db/client";

export type AlertListItem = {
  id: string;
  name: string;
  status: string;
  state: string;
  count: number;
  severity: string | null;
  summary: string;
  labels: Record<string, string>;
  sourceName: string;
  incidentRef: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

/** The inbox (unrouted alerts waiting for a person) and the most recent alerts that became incidents. */
export async function listAlerts(options: { state: "inbox" | "attached" | "dismissed"; limit?: number }) {
  const alerts = await db().alert.findMany({
    where: { state: options.state },
    orderBy: { lastSeenAt: "desc" },
    take: options.limit ?? 100,
    include: { source: { select: { name: true } } },
  });
  const incidentIds = [
    ...new Set(alerts.map((alert) => alert.incidentId).filter((id): id is string => !!id)),
  ];
  const incidents = incidentIds.length
    ? await db().incident.findMany({ where: { id: { in: incidentIds } }, select: { id: true, number: true } })
    : [];
  const refs = new Map(incidents.map((incident) => [incident.id, `INC-${incident.number}`]));
  return alerts.map(
    (alert): AlertListItem => ({
      id: alert.id,
      name: alert.name,
      status: alert.status,
      state: alert.state,
      count: alert.count,
      severity: alert.severity,
      summary: String((alert.annotations as Record<string, unknown>).summary ?? alert.name),
      labels: alert.labels as Record<string, string>,
      sourceName: alert.source.name,
      incidentRef: alert.incidentId ? (refs.get(alert.incidentId) ?? null) : null,
      firstSeenAt: alert.firstSeenAt,
      lastSeenAt: alert.lastSeenAt,
    }),
  );
}
