import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef, toApiIncident } from "@/lib/incidents";
import { requireApiToken } from "@/lib/incidents/routes";

export const GET = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  await requireApiToken(request, "viewer");
  const incident = await getIncidentByRef((await context.params).ref);
  return NextResponse.json({ incident: toApiIncident(incident) });
});
