import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { changePostMortemStatus, ZChangePostMortemStatus } from "@/lib/postmortems";

/** Responders move draft ⇄ review; publishing (and unpublishing) needs a commander, checked in the lib. */
export const POST = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  const actor = await authorize(request, "responder");
  const { status } = await readJson(request, ZChangePostMortemStatus);
  const incident = await getIncidentByRef((await context.params).ref);
  const postMortem = await changePostMortemStatus({ incidentId: incident.id, status, actor });
  return NextResponse.json({ postMortem });
});
