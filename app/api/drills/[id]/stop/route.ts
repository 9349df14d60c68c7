import { NextResponse } from "next/server";
import { stopDrill } from "@/lib/drills";
import { route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ id: string }>({ role: "commander" }, async (_request, { actor, params }) => {
  await stopDrill({ drillId: (await params).id, author: authorFromActor(actor) });
  return NextResponse.json({ state: "stopped" });
});
