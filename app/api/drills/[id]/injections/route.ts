import { NextResponse } from "next/server";
import { injectScenario, ZInjectScenario } from "@/lib/drills";
import { readJson, route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

export const POST = route<{ id: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZInjectScenario);
  const result = await injectScenario({
    drillId: (await params).id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json(result, { status: 201 });
});
