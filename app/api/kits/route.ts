import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { createKit, readReadiness, ZCreateKit } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

/** Every kit with its state derived from the chain now (never a signature: KitView is an explicit select). */
export const GET = route({ role: "viewer" }, async () => {
  const kits = await readReadiness();
  return NextResponse.json({ kits });
});

export const POST = route({ role: "admin" }, async (request, { actor }) => {
  const input = await readJson(request, ZCreateKit);
  const kit = await createKit({ input, author: authorFromActor(actor) });
  return NextResponse.json({ id: kit.id }, { status: 201 });
});
