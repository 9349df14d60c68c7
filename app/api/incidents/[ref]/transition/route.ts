import { NextResponse } from "next/server";
import { authorize, hasRole } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";
import {
  getIncidentByRef,
  TRANSITION_ROLE,
  toApiIncident,
  transitionIncident,
  ZIncidentTransition,
} from "@/lib/incidents";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  const actor = await authorize(request, "responder");
  const transition = await readJson(request, ZIncidentTransition);
  // Some moves need more than responding: the body says which move, so the role is checked after it.
  const required = TRANSITION_ROLE[transition.action];
  if (!hasRole(actor.role, required))
    throw new AppError("FORBIDDEN", `This needs the ${required} role; you are ${actor.role}.`);
  const incident = await getIncidentByRef((await context.params).ref);
  const updated = await transitionIncident({
    incidentId: incident.id,
    transition,
    author: authorFromActor(actor),
    member: actor.kind === "member" ? { id: actor.id, name: actor.name } : null,
  });
  return NextResponse.json({ incident: toApiIncident(updated) });
});
