import { db } from "@/lib/db";
import { transitionIncident } from "@/lib/incidents";

/**
 * Acknowledging a page acknowledges its incident too (the responder answered): wired here, at the edge,
 * so lib/paging does not import lib/incidents. Already acknowledged: nothing to do.
 */
export async function acknowledgeIncidentFromPage(
  result: { incidentId: string | null; isNew: boolean; memberName: string },
  memberId: string,
): Promise<void> {
  if (!result.incidentId || !result.isNew) return;
  const incident = await db().incident.findUnique({
    where: { id: result.incidentId },
    select: { acknowledgedAt: true },
  });
  if (!incident || incident.acknowledgedAt) return;
  await transitionIncident({
    incidentId: result.incidentId,
    transition: { action: "acknowledge" },
    author: { type: "member", id: memberId, label: result.memberName },
    member: { id: memberId, name: result.memberName },
  }).catch((error: { code?: string }) => {
    // Someone acknowledged it in the console at the same moment: that is the outcome wanted.
    if (error?.code !== "CONFLICT") throw error;
  });
}
