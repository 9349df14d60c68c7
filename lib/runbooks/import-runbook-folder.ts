import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../db/client";
import { importRunbook } from "./import-runbook";

/**
 * Imports every Markdown runbook of a folder (the demo seed passes the repository's examples/runbooks).
 * Idempotent: an unchanged file is the version already stored. A missing folder is a one-line note, not a
 * failure: a deployment may keep no runbooks on disk.
 */
export async function importRunbookFolder(
  prisma: PrismaClient,
  options: { dir: string; log?: (line: string) => void },
): Promise<{ imported: string[]; unchanged: string[] }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const result = { imported: [] as string[], unchanged: [] as string[] };
  if (!existsSync(options.dir)) {
    log(`runbooks: ${options.dir} not found, no runbooks imported`);
    return result;
  }
  const files = readdirSync(options.dir)
    .filter((name) => /\.(md|markdown)$/i.test(name))
    .sort();
  for (const name of files) {
    const { isNew, document } = await importRunbook({
      source: readFileSync(path.join(options.dir, name)),
      fileName: name,
      importedBy: "seed",
      prisma,
    });
    (isNew ? result.imported : result.unchanged).push(document.title);
  }
  return result;
}
