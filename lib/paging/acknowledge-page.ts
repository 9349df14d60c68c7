import { verifyToken } from "../crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../timeline";
import { ACK_TOKEN_PURPOSE } from "./deliver-page";
import { cancelSteps } from "./paging-jobs";

export type AckResult = { pageId: string; incidentId: string | null; isNew: boolean; memberName: string };

/**
 * Acknowledges an open page: no further levels, queued deliveries are not sent. `via: "link"` is the page's
 * signed link (no session needed: the token names the page and the member it was sent to).
 */
export async function acknowledgePage(options: {
  pageId: string;
  memberId: string;
  via: "link" | "console";
  now?: Date;
}): Promise<AckResult> {
  const now = options.now ?? new Date();
  const member = await db().member.findUnique({ where: { id: options.memberId } });
  if (!member) throw new AppError("NOT_FOUND", "No such member.");
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Page" WHERE "id" = ${options.pageId} FOR UPDATE`;
    const page = await tx.page.findUnique({ where: { id: options.pageId } });
    if (!page) throw new AppError("NOT_FOUND", "No such page.");
    const result = { pageId: page.id, incidentId: page.incidentId, memberName: member.displayName };
    if (page.state !== "open") return { ...result, isNew: false };
    await tx.page.update({
      where: { id: page.id },
      data: { state: "acknowledged", acknowledgedAt: now, acknowledgedBy: member.id },
    });
    await cancelSteps(tx, page.id);
    if (page.incidentId)
      await appendTimelineEvent(tx, {
        incidentId: page.incidentId,
        kind: "page.acknowledged",
        author:
          options.via === "link"
            ? SYSTEM_AUTHOR
            : { type: "member", id: member.id, label: member.displayName },
        payload: { pageId: page.id, by: { id: member.id, name: member.displayName }, via: options.via },
      });
    return { ...result, isNew: true };
  });
}

/** The page and member an acknowledge token was issued for, or a 404 (never says which part was wrong). */
export function readAcknowledgeToken(token: string): { pageId: string; memberId: string } {
  const subject = verifyToken(ACK_TOKEN_PURPOSE, token);
  const [pageId, memberId] = subject?.split(":") ?? [];
  if (!pageId || !memberId) throw new AppError("NOT_FOUND", "This link is not valid.");
  return { pageId, memberId };
}

/** Acknowledges every open page of an incident (it was acknowledged in the console). */
export async function acknowledgeIncidentPages(incidentId: string, memberId: string | null): Promise<number> {
  const pages = await db().page.findMany({ where: { incidentId, subjectType: "incident", state: "open" } });
  let count = 0;
  for (const page of pages) {
    if (memberId)
      count += (await acknowledgePage({ pageId: page.id, memberId, via: "console" })).isNew ? 1 : 0;
  }
  return count;
}
