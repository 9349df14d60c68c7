import { NextResponse } from "next/server";
import { hasRole } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";
import {
  getIncidentByRef,
  TRANSITION_ROLE,
  toApiIncident,
  transitionIncident,
  ZIncidentTransition,
} from "@/lib/incidents";
import { onIncidentResolved } from "@/lib/postmortems";
import { describeOpenRisks, readOpenRisks } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ ref: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const transition = await readJson(request, ZIncidentTransition);
  // Some moves need more than responding: the body says which move, so the role is checked after it.
  const required = TRANSITION_ROLE[transition.action];
  if (!hasRole(actor.role, required))
    throw new AppError("FORBIDDEN", `This needs the ${required} role; you are ${actor.role}.`);
  const incident = await getIncidentByRef((await params).ref);
  // Resolving while contracts are still paused, a timelock waits or a proposal is open takes a reason; what
  // was open is recorded with the resolve (read here, at the edge: the chain and the queue are the Safe's).
  if (transition.action === "resolve") {
    const open = describeOpenRisks(await readOpenRisks(incident.id));
    if (open.length > 0 && !transition.reason)
      throw new AppError("CONFLICT", `Still open: ${open.join("; ")}. Give a reason to resolve anyway.`, {
        fields: [{ path: "reason", message: open.join("; ") }],
      });
    transition.acknowledged = open;
  }
  const updated = await transitionIncident({
    incidentId: incident.id,
    transition,
    author: authorFromActor(actor),
    member: actor.kind === "member" ? { id: actor.id, name: actor.name } : null,
    // Resolving drafts the post-mortem in the same transaction (wired here: incidents sit below postmortems).
    onResolved: onIncidentResolved,
  });
  return NextResponse.json({ incident: toApiIncident(updated) });
});
