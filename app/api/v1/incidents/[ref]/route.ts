import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef, toApiIncident } from "@/lib/incidents";

// API v1 is for machines: an API token only.
export const GET = route<{ ref: string }>(
  { role: "viewer", tokensOnly: true },
  async (_request, { params }) => {
    const incident = await getIncidentByRef((await params).ref);
    return NextResponse.json({ incident: toApiIncident(incident) });
  },
);
