import { db } from "../db/client";
import { collectSectionSteps, type ParsedRunbook } from "../runbooks";

export type DrillableSection = { versionId: string; runbook: string; anchor: string; title: string };

/** Procedures worth a drill: top-level sections of each runbook's latest version that contain a contract action. */
export async function listDrillableSections(): Promise<DrillableSection[]> {
  const documents = await db().runbookDocument.findMany({
    orderBy: { title: "asc" },
    include: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, parsed: true } } },
  });
  return documents.flatMap((document) => {
    const latest = document.versions[0];
    if (!latest) return [];
    const parsed = latest.parsed as ParsedRunbook;
    return parsed.runbooks
      .filter((section) => section.level <= 2)
      .filter((section) =>
        collectSectionSteps(parsed, section.anchor).some(({ step }) => step.kind === "action"),
      )
      .map((section) => ({
        versionId: latest.id,
        runbook: document.title,
        anchor: section.anchor,
        title: section.title,
      }));
  });
}
