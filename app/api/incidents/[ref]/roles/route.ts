import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { assignIncidentRole, getIncidentByRef, toApiIncident, ZAssignRole } from "@/lib/incidents";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ ref: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const incident = await getIncidentByRef((await params).ref);
  const input = await readJson(request, ZAssignRole);
  const updated = await assignIncidentRole({
    incidentId: incident.id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({ incident: toApiIncident(updated) });
});
