import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { attachRunbook, getIncidentRunbooks, suggestRunbooks, ZAttachRunbook } from "@/lib/runbooks";
import { authorFromActor } from "@/lib/timeline";

type Params = { ref: string };

/** The incident's checklist runs, and the sections suggested for it (severity, alert routes). */
export const GET = route<Params>({ role: "viewer" }, async (_request, { params }) => {
  const { ref } = await params;
  const incident = await getIncidentByRef(ref);
  const [runbooks, { suggestions }] = await Promise.all([
    getIncidentRunbooks({ id: incident.id, ref }),
    suggestRunbooks(incident),
  ]);
  return NextResponse.json({ runbooks, suggestions });
});

/** Attaches `{ versionId, anchor }`: 201 when new, 200 when that section was already attached. */
export const POST = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZAttachRunbook);
  const { ref } = await params;
  const incident = await getIncidentByRef(ref);
  const { incidentRunbook, isNew } = await attachRunbook({
    incidentId: incident.id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({ incidentRunbook, isNew }, { status: isNew ? 201 : 200 });
});
