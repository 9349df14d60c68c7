import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import {
  declareIncident,
  listIncidents,
  toApiIncident,
  ZDeclareIncident,
  ZListIncidentsQuery,
} from "@/lib/incidents";
import { authorFromActor } from "@/lib/timeline";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  const query = ZListIncidentsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listIncidents(query);
  return NextResponse.json({ incidents: page.incidents.map(toApiIncident), nextCursor: page.nextCursor });
});

export const POST = route(async (request) => {
  const actor = await authorize(request, "responder");
  const input = await readJson(request, ZDeclareIncident);
  const { incident, isNew } = await declareIncident({
    input,
    author: authorFromActor(actor),
    commander: actor,
  });
  return NextResponse.json({ incident: toApiIncident(incident) }, { status: isNew ? 201 : 200 });
});
