import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { retireKit, ZRetireKit } from "@/lib/kits";
import { authorFromActor } from "@/lib/timeline";

/** Takes a kit out of service and destroys its stored signatures: commanders only, with a reason. */
export const POST = route<{ id: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZRetireKit);
  const retired = await retireKit({ kitId: (await params).id, input, author: authorFromActor(actor) });
  return NextResponse.json({ retired });
});
