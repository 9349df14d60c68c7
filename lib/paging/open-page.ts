import type { DbTransaction } from "../db/client";
import { db } from "../db/client";
import { policyForSeverity } from "./manage-policies";
import { scheduleStep } from "./paging-jobs";

export type PageSubject = {
  type: "incident" | "proposal" | "kit";
  id: string;
  title: string;
  incidentId?: string | null;
};

/**
 * Opens the page for a declared incident: its severity's policy, level 1 at that level's delay. One open page
 * per subject: a second call (a retried job) returns the first. No policy: nobody is paged (and null).
 */
export async function openIncidentPage(incidentId: string, now = new Date()): Promise<string | null> {
  const incident = await db().incident.findUnique({ where: { id: incidentId } });
  if (!incident || incident.resolvedAt || incident.acknowledgedAt) return null;
  const existing = await db().page.findFirst({ where: { subjectType: "incident", subjectId: incidentId } });
  if (existing) return existing.id;
  const policy = await policyForSeverity(incident.severityName);
  if (!policy) return null;
  const ref = `INC-${incident.number}`;
  return db().$transaction(async (tx) => {
    const page = await tx.page.create({
      data: {
        subjectType: "incident",
        subjectId: incident.id,
        incidentId: incident.id,
        policyId: policy.id,
        title: `${ref}: ${incident.title}`,
        severity: incident.severityName,
        ask: `Acknowledge ${ref}`,
        link: `/incidents/${ref}`,
        reminderSeconds: policy.reminderSeconds,
      },
    });
    await scheduleStep(
      tx,
      { pageId: page.id, level: 0, round: 0 },
      new Date(now.getTime() + policy.levels[0]!.delaySeconds * 1000),
    );
    return page.id;
  });
}

/** Opens a signers' page (proposal or kit) in the caller's transaction; its first step runs at once. */
export async function openSignersPage(
  tx: DbTransaction,
  options: {
    subject: PageSubject;
    ownersToPage: string[];
    link: string;
    severity?: string | null;
    ask: string;
    reminderSeconds: number;
    now: Date;
  },
): Promise<string> {
  const page = await tx.page.create({
    data: {
      subjectType: options.subject.type,
      subjectId: options.subject.id,
      incidentId: options.subject.incidentId ?? null,
      title: options.subject.title,
      severity: options.severity ?? null,
      ask: options.ask,
      link: options.link,
      pendingOwners: options.ownersToPage,
      reminderSeconds: options.reminderSeconds,
    },
  });
  await scheduleStep(tx, { pageId: page.id, level: 0, round: 0 }, options.now);
  return page.id;
}
