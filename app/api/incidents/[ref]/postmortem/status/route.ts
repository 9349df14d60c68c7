import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { changePostMortemStatus, ZChangePostMortemStatus } from "@/lib/postmortems";

/** Responders move draft ⇄ review; publishing (and unpublishing) needs a commander, checked in the lib. */
export const POST = route<{ ref: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const { status } = await readJson(request, ZChangePostMortemStatus);
  const incident = await getIncidentByRef((await params).ref);
  const postMortem = await changePostMortemStatus({ incidentId: incident.id, status, actor });
  return NextResponse.json({ postMortem });
});
