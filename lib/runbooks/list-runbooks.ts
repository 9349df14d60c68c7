import { db } from "../db/client";
import type { ParsedRunbook } from "./schemas";

export type RunbookListItem = {
  id: string;
  slug: string;
  title: string;
  latestVersion: { id: string; version: number; createdAt: Date } | null;
  versionCount: number;
  sectionCount: number;
  actionCount: number;
  /** Sections whose title or text matched the search, to show why a runbook is listed. */
  matches: { anchor: string; title: string }[];
};

function sectionText(section: ParsedRunbook["runbooks"][number]): string {
  return [section.title, ...section.steps.map((step) => step.text)].join("\n").toLowerCase();
}

/**
 * The runbook library. A search matches the title or the text of any section of the latest version
 * (a few documents of a few hundred kB each: matching in memory is simpler than indexing JSON).
 */
export async function listRunbooks(options: { q?: string } = {}): Promise<RunbookListItem[]> {
  const q = options.q?.trim().toLowerCase() ?? "";
  const documents = await db().runbookDocument.findMany({
    orderBy: { title: "asc" },
    include: {
      versions: {
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true, version: true, createdAt: true, parsed: true },
      },
      _count: { select: { versions: true } },
    },
  });
  const items: RunbookListItem[] = [];
  for (const document of documents) {
    const latest = document.versions[0];
    const parsed = latest?.parsed as ParsedRunbook | undefined;
    const sections = parsed?.runbooks ?? [];
    const matches = q
      ? sections
          .filter((section) => sectionText(section).includes(q))
          .map(({ anchor, title }) => ({ anchor, title }))
      : [];
    if (q && !document.title.toLowerCase().includes(q) && matches.length === 0) continue;
    items.push({
      id: document.id,
      slug: document.slug,
      title: document.title,
      latestVersion: latest ? { id: latest.id, version: latest.version, createdAt: latest.createdAt } : null,
      versionCount: document._count.versions,
      sectionCount: sections.length,
      actionCount: parsed?.actions.length ?? 0,
      matches: matches.slice(0, 5),
    });
  }
  return items;
}
