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
  await transitionIncident({
    incidentId: result.incidentId,
    // Acknowledging never resolves: nothing to draft.
    onResolved: null,
    transition: { action: "acknowledge" },
    author: { type: "member", id: memberId, label: result.memberName },
    member: { id: memberId, name: result.memberName },
  }).catch((error: { code?: string }) => {
    // Already acknowledged (in the console, or at the same moment): that is the outcome wanted. Gone: nothing to do.
    if (error?.code !== "CONFLICT" && error?.code !== "NOT_FOUND") throw error;
  });
}
