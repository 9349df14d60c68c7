/** A URL-safe, stable name for a runbook document, from its title ("Operational Runbooks — mUSD" → "operational-runbooks-musd"). */
export function runbookSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "runbook";
}

/** The title a document is known by: the H1, else the file name without extension, else "Untitled runbook". */
export function runbookTitle(parsedTitle: string | null, fileName?: string | null): string {
  const fromFile = fileName
    ?.replace(/^.*[\\/]/, "")
    .replace(/\.(md|markdown|txt)$/i, "")
    .trim();
  return parsedTitle?.trim() || fromFile || "Untitled runbook";
}
