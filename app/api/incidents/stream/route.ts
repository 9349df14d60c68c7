import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { createIncidentListStream, sseResponse, timelineHub } from "@/lib/live";

export const dynamic = "force-dynamic";

/** Server-Sent Events for the incident list: declared and lifecycle events of every incident. */
export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return sseResponse(createIncidentListStream({ hub: timelineHub(), signal: request.signal }));
});
