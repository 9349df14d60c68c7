import { db } from "../db/client";
import { AppError } from "../errors";
import { queueDeliveryJobs } from "./paging-jobs";
import { onCallAt } from "./rotation-on-call";

/** An incident's pages, for the console's acknowledge button. */
export async function listIncidentPages(incidentId: string) {
  return db().page.findMany({
    where: { incidentId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      subjectType: true,
      state: true,
      level: true,
      round: true,
      createdAt: true,
      stopReason: true,
    },
  });
}

export type PageDeadLetter = {
  id: string;
  pageTitle: string;
  memberName: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  updatedAt: Date;
};

/** Deliveries that gave up, newest first (Settings → Paging, replayable). */
export async function listPageDeadLetters(limit = 100): Promise<PageDeadLetter[]> {
  const rows = await db().pageDelivery.findMany({
    where: { status: "dead" },
    orderBy: { updatedAt: "desc" },
    take: limit,
    include: { page: { select: { title: true } } },
  });
  const members = await db().member.findMany({
    where: { id: { in: rows.map((row) => row.memberId) } },
    select: { id: true, displayName: true },
  });
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  return rows.map((row) => ({
    id: row.id,
    pageTitle: row.page.title,
    memberName: names.get(row.memberId) ?? "(former member)",
    kind: row.kind,
    attempts: row.attempts,
    lastError: row.lastError,
    updatedAt: row.updatedAt,
  }));
}

/** Sends a dead delivery again (fresh attempts), even if its page has closed since: an admin asked. */
export async function replayPageDelivery(id: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { count } = await tx.pageDelivery.updateMany({
      where: { id, status: "dead" },
      data: { status: "queued", attempts: 0, lastError: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such dead page delivery.");
    await queueDeliveryJobs(tx, [id]);
  });
}

export type OnCallRow = {
  rotationId: string;
  rotation: string;
  memberName: string | null;
  until: Date | null;
};

/** Who is on call now in each rotation (the dashboard). */
export async function currentOnCall(now = new Date()): Promise<OnCallRow[]> {
  const rotations = await db().rotation.findMany({ orderBy: { name: "asc" } });
  const ids = rotations.flatMap((r) => {
    const on = onCallAt(r, now);
    return on ? [on.memberId] : [];
  });
  const members = await db().member.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  });
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  return rotations.map((rotation) => {
    const on = onCallAt(rotation, now);
    return {
      rotationId: rotation.id,
      rotation: rotation.name,
      memberName: on ? (names.get(on.memberId) ?? null) : null,
      until: on?.until ?? null,
    };
  });
}

/** What the acknowledge link's page shows: the page's title, severity and state (nothing else). */
export async function getPageSummary(pageId: string) {
  return db().page.findUnique({
    where: { id: pageId },
    select: { id: true, title: true, severity: true, ask: true, state: true, link: true, subjectType: true },
  });
}
