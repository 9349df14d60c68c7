import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { proposeRejection } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ id: string }>({ role: "responder" }, async (_request, { actor, params }) => {
  const rejection = await proposeRejection((await params).id, authorFromActor(actor));
  return NextResponse.json({ id: rejection.id, nonce: rejection.nonce }, { status: 201 });
});
