import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { listProposals, proposeSafeTransaction, ZProposeTransaction } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

type Context = { params: Promise<{ ref: string }> };

export const GET = route(async (request, context: Context) => {
  await authorize(request, "viewer");
  const incident = await getIncidentByRef((await context.params).ref);
  return NextResponse.json({ proposals: await listProposals({ incidentId: incident.id }) });
});

export const POST = route(async (request, context: Context) => {
  const actor = await authorize(request, "responder");
  const incident = await getIncidentByRef((await context.params).ref);
  const input = await readJson(request, ZProposeTransaction);
  const proposal = await proposeSafeTransaction({
    incidentId: incident.id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json(
    { id: proposal.id, safeTxHash: proposal.safeTxHash, nonce: proposal.nonce },
    { status: 201 },
  );
});
