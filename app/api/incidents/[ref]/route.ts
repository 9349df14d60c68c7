import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef, toApiIncident } from "@/lib/incidents";

export const GET = route<{ ref: string }>({ role: "viewer" }, async (_request, { params }) => {
  const incident = await getIncidentByRef((await params).ref);
  return NextResponse.json({ incident: toApiIncident(incident) });
});
