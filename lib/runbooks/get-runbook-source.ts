import { db } from "../db/client";
import { AppError } from "../errors";

/** The original Markdown of a version, exactly as imported, and a file name to save it under. */
export async function getRunbookSource(versionId: string): Promise<{ fileName: string; source: string }> {
  const version = await db().runbookVersion.findUnique({
    where: { id: versionId },
    select: { version: true, source: true, document: { select: { slug: true } } },
  });
  if (!version) throw new AppError("NOT_FOUND", "No such runbook version.");
  return { fileName: `${version.document.slug}-v${version.version}.md`, source: version.source };
}
