import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { runRunbookVerification, ZRunRunbookCheck } from "@/lib/runbooks";
import { authorFromActor } from "@/lib/timeline";

/** Runs the verification read at `{ stepIndex }` on chain; the value lands on the timeline. */
export const POST = route<{ ref: string; runId: string }>(
  { role: "responder" },
  async (request, { actor, params }) => {
    const input = await readJson(request, ZRunRunbookCheck);
    const { ref, runId } = await params;
    const incident = await getIncidentByRef(ref);
    const event = await runRunbookVerification({
      incidentId: incident.id,
      incidentRunbookId: runId,
      input,
      author: authorFromActor(actor),
    });
    return NextResponse.json({ event }, { status: 201 });
  },
);
