import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { assignIncidentRole, getIncidentByRef, toApiIncident, ZAssignRole } from "@/lib/incidents";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  const actor = await authorize(request, "commander");
  const incident = await getIncidentByRef((await context.params).ref);
  const input = await readJson(request, ZAssignRole);
  const updated = await assignIncidentRole({
    incidentId: incident.id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({ incident: toApiIncident(updated) });
});
