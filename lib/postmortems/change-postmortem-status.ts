import type { Actor } from "../auth";
import { hasRole, type Role } from "../auth/browser";
import { db } from "../db/client";
import type { PostMortem } from "../db/generated/client";
import { AppError } from "../errors";
import { appendTimelineEvent, authorFromActor } from "../timeline";
import type { PostMortemStatusName } from "./schemas";

/**
 * The allowed moves and the role each needs. Publishing is a commander's approval; a published
 * post-mortem is reopened by moving it back to review (which withdraws the approval).
 */
const TRANSITIONS: Record<PostMortemStatusName, Partial<Record<PostMortemStatusName, Role>>> = {
  draft: { in_review: "responder" },
  in_review: { draft: "responder", published: "commander" },
  published: { in_review: "commander" },
};

export type ChangePostMortemStatusOptions = {
  incidentId: string;
  status: PostMortemStatusName;
  actor: Actor;
  now?: Date;
};

export async function changePostMortemStatus(options: ChangePostMortemStatusOptions): Promise<PostMortem> {
  const { actor, status } = options;
  return db().$transaction(async (tx) => {
    const current = await tx.postMortem.findUnique({ where: { incidentId: options.incidentId } });
    if (!current) throw new AppError("NOT_FOUND", "This incident has no post-mortem yet.");
    if (current.status === status) return current;
    const required = TRANSITIONS[current.status][status];
    if (!required) {
      throw new AppError(
        "UNPROCESSABLE",
        `status: a ${current.status.replace("_", " ")} post-mortem cannot move to ${status.replace("_", " ")}.`,
        { fields: [{ path: "status", message: `cannot move from ${current.status} to ${status}` }] },
      );
    }
    if (!hasRole(actor.role, required)) {
      throw new AppError("FORBIDDEN", `This needs the ${required} role; you are ${actor.role}.`);
    }
    // The approval names a person: an API token cannot approve publication.
    if (status === "published" && actor.kind !== "member") {
      throw new AppError("FORBIDDEN", "Publishing needs a member's approval, not an API token.");
    }
    const isPublishing = status === "published";
    const now = options.now ?? new Date();
    // Guarded on the status we read: two people moving it at once cannot both succeed.
    const updated = await tx.postMortem.updateMany({
      where: { id: current.id, status: current.status },
      data: {
        status,
        approvedBy: isPublishing ? actor.id : null,
        publishedAt: isPublishing ? now : null,
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "The status changed meanwhile; reload the page.");
    await appendTimelineEvent(tx, {
      incidentId: options.incidentId,
      kind: "postmortem.status_changed",
      author: authorFromActor(actor),
      payload: { postMortemId: current.id, from: current.status, to: status },
    });
    return tx.postMortem.findUniqueOrThrow({ where: { id: current.id } });
  });
}
