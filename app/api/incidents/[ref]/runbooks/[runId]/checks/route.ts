import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { checkRunbookItem, ZCheckRunbookItem } from "@/lib/runbooks";
import { authorFromActor } from "@/lib/timeline";

/** Ticks or unticks `{ stepIndex, isChecked }`; the tick is a `checklist.item_checked` timeline event. */
export const POST = route<{ ref: string; runId: string }>(
  { role: "responder" },
  async (request, { actor, params }) => {
    const input = await readJson(request, ZCheckRunbookItem);
    const { ref, runId } = await params;
    const incident = await getIncidentByRef(ref);
    const { event, isChanged } = await checkRunbookItem({
      incidentId: incident.id,
      incidentRunbookId: runId,
      input,
      author: authorFromActor(actor),
    });
    return NextResponse.json({ event, isChanged }, { status: isChanged ? 201 : 200 });
  },
);
