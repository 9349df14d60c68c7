import { type DbTransaction, db, type PrismaClient } from "../db/client";
import type { RunbookDocument, RunbookVersion } from "../db/generated/client";
import { decodeRunbookBytes } from "./decode-runbook-bytes";
import { parseRunbook } from "./parse-runbook";
import { buildRunbookPreview, type RunbookPreview } from "./preview-runbook";
import { requireRunbookSections } from "./require-runbook-sections";
import { runbookSlug, runbookTitle } from "./runbook-slug";
import { sha256Hex } from "./sha256-hex";

export type ImportRunbookOptions = {
  /** The uploaded file's bytes, or the pasted text (validated the same way). */
  source: Uint8Array | string;
  fileName?: string | null;
  /** Member id, "cli" or "seed". */
  importedBy: string | null;
  /** The seed and the CLI bring their own client; the app uses db(). */
  prisma?: PrismaClient;
};

export type ImportRunbookResult = {
  document: RunbookDocument;
  version: RunbookVersion;
  /** false when the text equals the latest version's: nothing was stored. */
  isNew: boolean;
  preview: RunbookPreview;
};

const MAX_ATTEMPTS = 3;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002";
}

async function storeVersion(
  tx: DbTransaction,
  options: {
    slug: string;
    title: string;
    text: string;
    sha256: string;
    parsed: object;
    importedBy: string | null;
  },
) {
  const document = await tx.runbookDocument.upsert({
    where: { slug: options.slug },
    create: { slug: options.slug, title: options.title },
    update: { title: options.title },
  });
  const latest = await tx.runbookVersion.findFirst({
    where: { documentId: document.id },
    orderBy: { version: "desc" },
  });
  // Versions are immutable: the same text again is the version we already have.
  if (latest && latest.sha256 === options.sha256) return { document, version: latest, isNew: false };
  const version = await tx.runbookVersion.create({
    data: {
      documentId: document.id,
      version: (latest?.version ?? 0) + 1,
      source: options.text,
      parsed: options.parsed,
      sha256: options.sha256,
      importedBy: options.importedBy,
    },
  });
  return { document, version, isNew: true };
}

/**
 * Imports a Markdown runbook: validates it (size, binary, UTF-8, empty: nothing is stored when it fails),
 * parses it, and stores the original text and the parsed JSON as the document's next immutable version.
 * The document is found by the slug of its title, so re-importing an edited file makes version N+1.
 */
export async function importRunbook(options: ImportRunbookOptions): Promise<ImportRunbookResult> {
  const text =
    typeof options.source === "string"
      ? decodeRunbookBytes(new TextEncoder().encode(options.source))
      : decodeRunbookBytes(options.source);
  const parsed = parseRunbook(text);
  requireRunbookSections(parsed);
  const title = runbookTitle(parsed.title, options.fileName);
  const prisma = options.prisma ?? db();
  const input = {
    slug: runbookSlug(title),
    title,
    text,
    sha256: sha256Hex(text),
    parsed: parsed as object,
    importedBy: options.importedBy,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await prisma.$transaction((tx) => storeVersion(tx, input));
      const preview = await buildRunbookPreview(prisma, { text, parsed, fileName: options.fileName });
      return { ...stored, preview };
    } catch (error) {
      // Two imports of one document raced for the same slug or version number: the loser retries and
      // then sees the winner's row.
      if (!isUniqueViolation(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
