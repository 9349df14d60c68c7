import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { addSignature, ZAddSignature } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

// Owners sign; their console role only needs to let them act (a responder or above).
export const POST = route<{ id: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZAddSignature);
  const signature = await addSignature({
    proposalId: (await params).id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json({ owner: signature.owner }, { status: 201 });
});
