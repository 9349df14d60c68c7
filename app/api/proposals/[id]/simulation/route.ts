import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { resimulateProposal } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ id: string }>({ role: "responder" }, async (_request, { actor, params }) => {
  return NextResponse.json(await resimulateProposal((await params).id, authorFromActor(actor)));
});
