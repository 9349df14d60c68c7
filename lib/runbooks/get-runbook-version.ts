import { db } from "../db/client";
import { AppError } from "../errors";
import { formatIncidentRef } from "../incidents";
import type { ParsedRunbook } from "./schemas";

export type RunbookVersionDetail = {
  document: { id: string; slug: string; title: string };
  version: { id: string; version: number; sha256: string; importedBy: string | null; createdAt: Date };
  parsed: ParsedRunbook;
  versions: { id: string; version: number; createdAt: Date; sha256: string; incidentCount: number }[];
  /** Incidents that attached a section of this version (they keep it after later imports). */
  incidents: { ref: string; title: string; anchor: string; sectionTitle: string; attachedAt: Date }[];
};

/**
 * One version of a runbook document (the latest when `version` is omitted), with the list of its versions
 * and the incidents that used the version shown. `idOrSlug` accepts the document id or its slug.
 */
export async function getRunbookVersion(options: {
  idOrSlug: string;
  version?: number;
}): Promise<RunbookVersionDetail> {
  const document = await db().runbookDocument.findFirst({
    where: { OR: [{ id: options.idOrSlug }, { slug: options.idOrSlug }] },
    include: {
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          createdAt: true,
          sha256: true,
          _count: { select: { attached: true } },
        },
      },
    },
  });
  if (!document) throw new AppError("NOT_FOUND", "No such runbook.");
  const wanted = options.version ?? document.versions[0]?.version;
  const row = document.versions.find((version) => version.version === wanted);
  if (!row) throw new AppError("NOT_FOUND", `The runbook has no version ${options.version}.`);
  const version = await db().runbookVersion.findUniqueOrThrow({ where: { id: row.id } });
  const attached = await db().incidentRunbook.findMany({
    where: { versionId: version.id },
    orderBy: { createdAt: "desc" },
    include: { incident: { select: { number: true, title: true } } },
  });
  return {
    document: { id: document.id, slug: document.slug, title: document.title },
    version: {
      id: version.id,
      version: version.version,
      sha256: version.sha256,
      importedBy: version.importedBy,
      createdAt: version.createdAt,
    },
    parsed: version.parsed as ParsedRunbook,
    versions: document.versions.map((v) => ({
      id: v.id,
      version: v.version,
      createdAt: v.createdAt,
      sha256: v.sha256,
      incidentCount: v._count.attached,
    })),
    incidents: attached.map((row) => ({
      ref: formatIncidentRef(row.incident.number),
      title: row.incident.title,
      anchor: row.anchor,
      sectionTitle: row.title,
      attachedAt: row.createdAt,
    })),
  };
}
