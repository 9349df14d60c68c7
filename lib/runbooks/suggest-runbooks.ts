import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import type { ParsedRunbook } from "./schemas";

export type RunbookSuggestion = {
  versionId: string;
  document: string;
  version: number;
  anchor: string;
  title: string;
  reasons: string[];
};

export type AttachableRunbook = {
  versionId: string;
  documentId: string;
  document: string;
  version: number;
  sections: { anchor: string; title: string; level: number }[];
};

function mentionsLevel(severity: string | null, level: string): boolean {
  if (!severity) return false;
  const escaped = level.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // "P3 (scheduled) or P1 (if key compromised)" mentions P1; "P10" does not.
  return new RegExp(`(^|[^A-Za-z0-9])${escaped}($|[^A-Za-z0-9])`, "i").test(severity);
}

/**
 * Sections worth attaching to an incident, from the latest version of every runbook: top-level procedures
 * whose severity names the incident's level, and the sections the incident's alerts route to (the
 * runbook's own alert table, and the console's alert routes). Already attached sections are left out.
 */
export async function suggestRunbooks(
  incident: Pick<Incident, "id" | "severityName">,
): Promise<{ suggestions: RunbookSuggestion[]; attachable: AttachableRunbook[] }> {
  const [documents, alerts, attached] = await Promise.all([
    db().runbookDocument.findMany({
      orderBy: { title: "asc" },
      include: {
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: { id: true, version: true, parsed: true },
        },
      },
    }),
    db().alert.findMany({ where: { incidentId: incident.id }, select: { name: true } }),
    db().incidentRunbook.findMany({
      where: { incidentId: incident.id },
      select: { anchor: true, version: { select: { documentId: true } } },
    }),
  ]);
  const alertNames = new Set(alerts.map((alert) => alert.name));
  const routes = alertNames.size
    ? await db().alertRoute.findMany({
        where: { isEnabled: true, matchAlertName: { in: [...alertNames] } },
        select: { matchAlertName: true, runbookAnchors: true },
      })
    : [];
  const isAttached = new Set(attached.map((row) => `${row.version.documentId}:${row.anchor}`));
  const suggestions: RunbookSuggestion[] = [];
  const attachable: AttachableRunbook[] = [];
  for (const document of documents) {
    const latest = document.versions[0];
    if (!latest) continue;
    const parsed = latest.parsed as ParsedRunbook;
    attachable.push({
      versionId: latest.id,
      documentId: document.id,
      document: document.title,
      version: latest.version,
      sections: parsed.runbooks.map(({ anchor, title, level }) => ({ anchor, title, level })),
    });
    for (const section of parsed.runbooks) {
      if (isAttached.has(`${document.id}:${section.anchor}`)) continue;
      const reasons: string[] = [];
      for (const route of parsed.alertRoutes) {
        if (route.runbook === section.anchor && alertNames.has(route.alert))
          reasons.push(`alert ${route.alert}`);
      }
      for (const route of routes) {
        if (route.runbookAnchors.includes(section.anchor))
          reasons.push(`alert route ${route.matchAlertName}`);
      }
      if (section.parent === null && mentionsLevel(section.severity, incident.severityName))
        reasons.push(`severity ${incident.severityName}`);
      if (reasons.length === 0) continue;
      suggestions.push({
        versionId: latest.id,
        document: document.title,
        version: latest.version,
        anchor: section.anchor,
        title: section.title,
        reasons: [...new Set(reasons)],
      });
    }
  }
  // Alert-driven suggestions first: they are about this incident, severity ones about its kind.
  suggestions.sort(
    (a, b) => Number(b.reasons[0]!.startsWith("alert")) - Number(a.reasons[0]!.startsWith("alert")),
  );
  return { suggestions, attachable };
}
