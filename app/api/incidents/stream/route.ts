import { stillHasRole } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { createIncidentListStream, sseResponse, timelineHub } from "@/lib/live";

export const dynamic = "force-dynamic";

/** Server-Sent Events for the incident list: declared and lifecycle events of every incident. */
export const GET = route({ role: "viewer" }, async (request, { actor }) => {
  return sseResponse(
    createIncidentListStream({
      hub: timelineHub(),
      signal: request.signal,
      access: stillHasRole(actor, "viewer"),
    }),
  );
});
