import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { proposeRejection } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "responder");
  const rejection = await proposeRejection((await context.params).id, authorFromActor(actor));
  return NextResponse.json({ id: rejection.id, nonce: rejection.nonce }, { status: 201 });
});
