import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { stopDrill } from "@/lib/drills";
import { route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "commander");
  await stopDrill({ drillId: (await context.params).id, author: authorFromActor(actor) });
  return NextResponse.json({ state: "stopped" });
});
