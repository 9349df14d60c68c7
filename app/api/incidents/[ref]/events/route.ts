import { NextResponse } from "next/server";
import { z } from "zod";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import {
  addTimelineEntry,
  getIncidentByRef,
  listTimelineEvents,
  toApiEvent,
  ZTimelineEntry,
} from "@/lib/incidents";
import { authorFromActor } from "@/lib/timeline";

const ZAfter = z.object({ after: z.coerce.number().int().min(0).default(0) });

export const GET = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  await authorize(request, "viewer");
  const incident = await getIncidentByRef((await context.params).ref);
  const { after } = ZAfter.parse(Object.fromEntries(new URL(request.url).searchParams));
  const events = await listTimelineEvents({ incidentId: incident.id, afterId: after });
  return NextResponse.json({ events: events.map(toApiEvent) });
});

export const POST = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  const actor = await authorize(request, "responder");
  const incident = await getIncidentByRef((await context.params).ref);
  const entry = await readJson(request, ZTimelineEntry);
  const event = await addTimelineEntry({ incidentId: incident.id, entry, author: authorFromActor(actor) });
  return NextResponse.json({ event: toApiEvent(event) }, { status: 201 });
});
