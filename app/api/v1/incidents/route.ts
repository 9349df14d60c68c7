import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import {
  declareIncident,
  listIncidents,
  toApiIncident,
  ZDeclareIncident,
  ZListIncidentsQuery,
} from "@/lib/incidents";
import { requireApiToken } from "@/lib/incidents/api/require-api-token";
import { authorFromActor } from "@/lib/timeline";

export const GET = route(async (request) => {
  await requireApiToken(request, "viewer");
  const query = ZListIncidentsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listIncidents(query);
  return NextResponse.json({ incidents: page.incidents.map(toApiIncident), nextCursor: page.nextCursor });
});

export const POST = route(async (request) => {
  const actor = await requireApiToken(request, "responder");
  const input = await readJson(request, ZDeclareIncident);
  // A token is not a person: the incident starts without a commander until someone takes the role.
  const { incident, isNew } = await declareIncident({
    input,
    author: authorFromActor(actor),
    commander: null,
  });
  return NextResponse.json({ incident: toApiIncident(incident) }, { status: isNew ? 201 : 200 });
});
