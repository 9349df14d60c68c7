import { stillHasRole } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef, toApiEvent } from "@/lib/incidents";
import { createIncidentEventStream, resumePointFrom, sseResponse, timelineHub } from "@/lib/live";

export const dynamic = "force-dynamic";

/** Server-Sent Events of one timeline; resumes after Last-Event-ID (or ?after=) without gaps. */
export const GET = route<{ ref: string }>({ role: "viewer" }, async (request, { actor, params }) => {
  const incident = await getIncidentByRef((await params).ref);
  return sseResponse(
    createIncidentEventStream({
      hub: timelineHub(),
      incidentId: incident.id,
      serialize: toApiEvent,
      ...resumePointFrom(request),
      signal: request.signal,
      // Removed or demoted while watching: the stream stops.
      access: stillHasRole(actor, "viewer"),
    }),
  );
});
