import type { Actor } from "../auth";
import { db } from "../db/client";
import { AppError } from "../errors";
import { authorName, resolveAuthorNames } from "./resolve-author-names";
import { type TSavePostMortem, ZSavePostMortem } from "./schemas";

export type SavePostMortemOptions = { incidentId: string; input: TSavePostMortem; actor: Actor };

export type CurrentPostMortemText = { body: string; version: number; savedAt: string; savedBy: string };

export type SavePostMortemResult =
  | { kind: "saved"; version: number; savedAt: string }
  /** Someone saved since `baseVersion`: nothing was written; the caller gets their text to merge with. */
  | { kind: "conflict"; current: CurrentPostMortemText };

/**
 * Saves the text with an optimistic-concurrency check: `UPDATE … WHERE version = baseVersion`. Only one of
 * two saves from the same base can match; the other is answered with the current text so its author can
 * merge, and neither text is lost. Every save is kept as a revision. Text edits are not timeline events:
 * autosave would flood the incident's timeline; the revisions are their record (status changes are events).
 */
export async function savePostMortem(options: SavePostMortemOptions): Promise<SavePostMortemResult> {
  const input = ZSavePostMortem.parse(options.input);
  return db().$transaction(async (tx) => {
    const postMortem = await tx.postMortem.findUnique({ where: { incidentId: options.incidentId } });
    if (!postMortem) throw new AppError("NOT_FOUND", "This incident has no post-mortem yet.");
    if (postMortem.status === "published") {
      throw new AppError("CONFLICT", "The post-mortem is published; move it back to review to amend it.");
    }
    if (postMortem.version === input.baseVersion && postMortem.body === input.body) {
      return { kind: "saved", version: postMortem.version, savedAt: postMortem.updatedAt.toISOString() };
    }
    const nextVersion = input.baseVersion + 1;
    const updated = await tx.postMortem.updateMany({
      where: { id: postMortem.id, version: input.baseVersion, status: { not: "published" } },
      data: { body: input.body, version: nextVersion },
    });
    if (updated.count === 0) {
      return { kind: "conflict", current: await currentText(postMortem.id) };
    }
    const revision = await tx.postMortemRevision.create({
      data: {
        postMortemId: postMortem.id,
        version: nextVersion,
        body: input.body,
        authorId: options.actor.id,
      },
    });
    return { kind: "saved", version: nextVersion, savedAt: revision.createdAt.toISOString() };
  });
}

/**
 * The latest committed text, read outside the refused save's transaction (which saw an older snapshot
 * only for rows it had not locked; a fresh read is simplest to reason about).
 */
async function currentText(postMortemId: string): Promise<CurrentPostMortemText> {
  const postMortem = await db().postMortem.findUniqueOrThrow({ where: { id: postMortemId } });
  const revision = await db().postMortemRevision.findUnique({
    where: { postMortemId_version: { postMortemId, version: postMortem.version } },
  });
  const names = await resolveAuthorNames([revision?.authorId ?? null]);
  return {
    body: postMortem.body,
    version: postMortem.version,
    savedAt: (revision?.createdAt ?? postMortem.updatedAt).toISOString(),
    savedBy: authorName(names, revision?.authorId ?? null),
  };
}
