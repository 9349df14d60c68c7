import type { DbLike } from "./find-bound-contracts";

export type CheckState = { isChecked: boolean; by: string; at: Date; eventId: number };
export type VerificationResult = {
  actual: string;
  expected: string | null;
  isPassed: boolean | null;
  blockNumber: string;
  by: string;
  at: Date;
  eventId: number;
};

/** How a verification run from a checklist names its step in the event's `source`. */
export function verificationSource(incidentRunbookId: string, stepIndex: number): string {
  return `runbook:${incidentRunbookId}:${stepIndex}`;
}

/** The latest `checklist.item_checked` per `<incidentRunbookId>:<stepIndex>`: the state of each item. */
export async function latestChecks(
  prisma: DbLike,
  incidentId: string,
  incidentRunbookIds: string[],
): Promise<Map<string, CheckState>> {
  const events = await prisma.timelineEvent.findMany({
    where: { incidentId, kind: "checklist.item_checked" },
    orderBy: { id: "asc" },
  });
  const wanted = new Set(incidentRunbookIds);
  const state = new Map<string, CheckState>();
  for (const event of events) {
    const payload = event.payload as { incidentRunbookId?: string; stepIndex?: number; isChecked?: boolean };
    if (!payload.incidentRunbookId || !wanted.has(payload.incidentRunbookId)) continue;
    state.set(`${payload.incidentRunbookId}:${payload.stepIndex}`, {
      isChecked: payload.isChecked === true,
      by: event.authorLabel,
      at: event.createdAt,
      eventId: event.id,
    });
  }
  return state;
}

/** The latest verification recorded from each checklist step, keyed like latestChecks. */
export async function latestVerifications(
  prisma: DbLike,
  incidentId: string,
): Promise<Map<string, VerificationResult>> {
  const events = await prisma.timelineEvent.findMany({
    where: { incidentId, kind: "verification.recorded" },
    orderBy: { id: "asc" },
  });
  const results = new Map<string, VerificationResult>();
  for (const event of events) {
    const payload = event.payload as {
      source?: string;
      actual: string;
      expected: string | null;
      isPassed: boolean | null;
      blockNumber: string;
    };
    const match = /^runbook:([^:]+):(\d+)$/.exec(payload.source ?? "");
    if (!match) continue;
    results.set(`${match[1]}:${match[2]}`, {
      actual: payload.actual,
      expected: payload.expected,
      isPassed: payload.isPassed,
      blockNumber: payload.blockNumber,
      by: event.authorLabel,
      at: event.createdAt,
      eventId: event.id,
    });
  }
  return results;
}
