import { db } from "../db/client";
import type { PostMortem } from "../db/generated/client";
import { authorName, resolveAuthorNames } from "./resolve-author-names";

export type PostMortemRevisionView = {
  id: string;
  version: number;
  authorName: string;
  createdAt: Date;
  body: string;
};

export type PostMortemView = PostMortem & {
  approvedByName: string | null;
  /** The newest revisions (autosave makes many); `revisionCount` says how many exist. */
  revisions: PostMortemRevisionView[];
  revisionCount: number;
};

/** The incident's post-mortem with its revisions (newest first) and who approved it, or null. */
export async function getPostMortem(
  incidentId: string,
  options: { revisionLimit?: number } = {},
): Promise<PostMortemView | null> {
  const postMortem = await db().postMortem.findUnique({
    where: { incidentId },
    include: {
      revisions: { orderBy: { version: "desc" }, take: options.revisionLimit ?? 50 },
      _count: { select: { revisions: true } },
    },
  });
  if (!postMortem) return null;
  const names = await resolveAuthorNames([
    postMortem.approvedBy,
    ...postMortem.revisions.map((revision) => revision.authorId),
  ]);
  const { revisions, _count, ...rest } = postMortem;
  return {
    ...rest,
    revisionCount: _count.revisions,
    approvedByName: postMortem.approvedBy ? authorName(names, postMortem.approvedBy) : null,
    revisions: revisions.map((revision) => ({
      id: revision.id,
      version: revision.version,
      authorName: authorName(names, revision.authorId),
      createdAt: revision.createdAt,
      body: revision.body,
    })),
  };
}
