import { NextResponse } from "next/server";
import { startDrill, ZStartDrill } from "@/lib/drills";
import { readJson, route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

// Commanders start drills: a drill declares an incident (isDrill) and starts a fork beside this instance.
export const POST = route({ role: "commander" }, async (request, { actor }) => {
  const input = await readJson(request, ZStartDrill);
  const { drill, incident } = await startDrill({ input, author: authorFromActor(actor), actor });
  return NextResponse.json(
    {
      id: drill.id,
      incidentId: incident.id,
      incidentNumber: incident.number,
      forkChainId: drill.forkChainId,
    },
    { status: 201 },
  );
});
