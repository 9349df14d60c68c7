import { db } from "../db/client";

type ParsedRoutes = { alertRoutes?: { alert: string; runbook: string; severity: string | null }[] };

/** Runbooks write severity as words ("critical", "warning") as often as level names: map words to ranks. */
const WORD_RANK: Record<string, number> = {
  critical: 0,
  high: 1,
  error: 1,
  warning: 2,
  medium: 2,
  low: 3,
  info: 3,
};

/**
 * Pre-fills routing rules from the alert routes of every runbook's latest version: one route per alert
 * name not routed yet (existing rules are never changed). A severity that is neither a level of this
 * protocol nor a known word becomes the scheme's least severe level, for a person to review.
 */
export async function importRunbookAlertRoutes(): Promise<{ created: number; skipped: number }> {
  const [documents, levels, existing] = await Promise.all([
    db().runbookDocument.findMany({ include: { versions: { orderBy: { version: "desc" }, take: 1 } } }),
    db().severityLevel.findMany({ orderBy: { rank: "asc" } }),
    db().alertRoute.findMany({ select: { matchAlertName: true } }),
  ]);
  if (levels.length === 0) return { created: 0, skipped: 0 };
  const routed = new Set(existing.map((route) => route.matchAlertName).filter(Boolean));
  const levelNames = new Set(levels.map((level) => level.name));
  const toCreate: {
    name: string;
    matchAlertName: string;
    severityName: string;
    runbookAnchors: string[];
    priority: number;
  }[] = [];
  let skipped = 0;
  for (const document of documents) {
    const parsed = document.versions[0]?.parsed as ParsedRoutes | undefined;
    for (const route of parsed?.alertRoutes ?? []) {
      if (routed.has(route.alert)) {
        skipped++;
        continue;
      }
      routed.add(route.alert);
      toCreate.push({
        name: `${route.alert} (from ${document.title})`.slice(0, 120),
        matchAlertName: route.alert,
        severityName: severityFor(route.severity, levels, levelNames),
        runbookAnchors: [`${document.slug}#${route.runbook}`],
        priority: 100,
      });
    }
  }
  if (toCreate.length > 0) await db().alertRoute.createMany({ data: toCreate });
  return { created: toCreate.length, skipped };
}

function severityFor(
  written: string | null,
  levels: { name: string; rank: number }[],
  levelNames: Set<string>,
): string {
  if (written && levelNames.has(written)) return written;
  const upper = written?.toUpperCase();
  if (upper && levelNames.has(upper)) return upper;
  const rank = written ? WORD_RANK[written.toLowerCase()] : undefined;
  const byPosition = rank === undefined ? undefined : levels[Math.min(rank, levels.length - 1)];
  return (byPosition ?? levels[levels.length - 1]!).name;
}
