import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { addKitSignature, recheckKits, ZKitSignature } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

// Owners sign one nonce of the ladder per request; the answer names the owner and nonce, never the signature.
export const POST = route<{ id: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZKitSignature);
  const { id } = await params;
  const accepted = await addKitSignature({ kitId: id, input, author: authorFromActor(actor) });
  return NextResponse.json(accepted, { status: 201 });
});

/** After the last prompt of a ladder: record the new state (clears the owners' banner). */
export const PUT = route<{ id: string }>({ role: "responder" }, async (_request, { params }) => {
  const { id } = await params;
  const [result] = await recheckKits({ kitId: id });
  return NextResponse.json({ state: result?.state ?? null });
});
