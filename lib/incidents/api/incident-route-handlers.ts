import { NextResponse } from "next/server";
import { z } from "zod";
import { readJson, route } from "../../http/handle-route";
import { ZInt4Cursor } from "../../http/input-fields";
import { authorFromActor } from "../../timeline";
import { addTimelineEntry } from "../add-timeline-entry";
import { type AttachRunbookHook, declareIncident } from "../declare-incident";
import { getIncidentByRef } from "../get-incident";
import { listIncidents } from "../list-incidents";
import { listTimelineEvents } from "../list-timeline-events";
import { ZDeclareIncident, ZListIncidentsQuery, ZTimelineEntry } from "../schemas";
import { toApiEvent, toApiIncident } from "./serialize";

/**
 * The incident routes the console's UI and API v1 share: same schemas, same roles, same answers. Only how the
 * caller is authenticated differs (session or token for the UI, token only for v1), so it is a parameter.
 */
type Access = { tokensOnly: boolean };

const ZAfter = z.object({ after: ZInt4Cursor.default(0) });

export function incidentCollectionHandlers(
  { tokensOnly }: Access,
  options: {
    /** The route wires lib/runbooks' attachRunbookInTx: this domain sits below runbooks. */
    attachRunbook: AttachRunbookHook;
  },
) {
  return {
    GET: route({ role: "viewer", tokensOnly }, async (request) => {
      const query = ZListIncidentsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
      const page = await listIncidents(query);
      return NextResponse.json({ incidents: page.incidents.map(toApiIncident), nextCursor: page.nextCursor });
    }),
    POST: route({ role: "responder", tokensOnly }, async (request, { actor }) => {
      const input = await readJson(request, ZDeclareIncident);
      // A member who declares becomes commander; a token is not a person, so its incident starts without one.
      const { incident, isNew } = await declareIncident({
        input,
        author: authorFromActor(actor),
        commander: actor,
        attachRunbook: options.attachRunbook,
      });
      return NextResponse.json({ incident: toApiIncident(incident) }, { status: isNew ? 201 : 200 });
    }),
  };
}

type RefParams = { ref: string };

export function incidentEventsHandlers({ tokensOnly }: Access) {
  return {
    GET: route<RefParams>({ role: "viewer", tokensOnly }, async (request, { params }) => {
      const incident = await getIncidentByRef((await params).ref);
      const { after } = ZAfter.parse(Object.fromEntries(new URL(request.url).searchParams));
      const events = await listTimelineEvents({ incidentId: incident.id, afterId: after });
      return NextResponse.json({ events: events.map(toApiEvent) });
    }),
    POST: route<RefParams>({ role: "responder", tokensOnly }, async (request, { actor, params }) => {
      const incident = await getIncidentByRef((await params).ref);
      const entry = await readJson(request, ZTimelineEntry);
      const event = await addTimelineEntry({
        incidentId: incident.id,
        entry,
        author: authorFromActor(actor),
      });
      return NextResponse.json({ event: toApiEvent(event) }, { status: 201 });
    }),
  };
}
