import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { resimulateProposal } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "responder");
  return NextResponse.json(await resimulateProposal((await context.params).id, authorFromActor(actor)));
});
