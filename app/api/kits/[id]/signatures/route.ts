import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { addKitSignature, recheckKits, ZKitSignature } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

// Owners sign one nonce of the ladder per request; the answer names the owner and nonce, never the signature.
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "responder");
  const input = await readJson(request, ZKitSignature);
  const { id } = await context.params;
  const accepted = await addKitSignature({ kitId: id, input, author: authorFromActor(actor) });
  return NextResponse.json(accepted, { status: 201 });
});

/** After the last prompt of a ladder: record the new state (clears the owners' banner). */
export const PUT = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "responder");
  const { id } = await context.params;
  const [result] = await recheckKits({ kitId: id });
  return NextResponse.json({ state: result?.state ?? null });
});
