import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor, Role } from "../../auth";
import { readJson, route } from "../../http/handle-route";
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
type Authenticate = (request: Request, required: Role) => Promise<Actor>;
/** Authenticate for a read that needs no actor; the session flavour overlaps the read with the role check. */
type AuthenticateRead = <T>(request: Request, required: Role, read: () => Promise<T>) => Promise<T>;
type RefContext = { params: Promise<{ ref: string }> };

const ZAfter = z.object({ after: z.coerce.number().int().min(0).default(0) });

export function incidentCollectionHandlers(
  authenticate: Authenticate,
  options: {
    /** The route wires lib/runbooks' attachRunbookInTx: this domain sits below runbooks. */
    attachRunbook: AttachRunbookHook;
    authenticateRead?: AuthenticateRead;
  },
) {
  const authenticateRead: AuthenticateRead =
    options.authenticateRead ?? ((request, required, read) => authenticate(request, required).then(read));
  return {
    GET: route(async (request) => {
      const page = await authenticateRead(request, "viewer", () =>
        listIncidents(ZListIncidentsQuery.parse(Object.fromEntries(new URL(request.url).searchParams))),
      );
      return NextResponse.json({ incidents: page.incidents.map(toApiIncident), nextCursor: page.nextCursor });
    }),
    POST: route(async (request) => {
      const actor = await authenticate(request, "responder");
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

export function incidentEventsHandlers(authenticate: Authenticate) {
  return {
    GET: route(async (request, context: RefContext) => {
      await authenticate(request, "viewer");
      const incident = await getIncidentByRef((await context.params).ref);
      const { after } = ZAfter.parse(Object.fromEntries(new URL(request.url).searchParams));
      const events = await listTimelineEvents({ incidentId: incident.id, afterId: after });
      return NextResponse.json({ events: events.map(toApiEvent) });
    }),
    POST: route(async (request, context: RefContext) => {
      const actor = await authenticate(request, "responder");
      const incident = await getIncidentByRef((await context.params).ref);
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
