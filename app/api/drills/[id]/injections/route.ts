import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { injectScenario, ZInjectScenario } from "@/lib/drills";
import { readJson, route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "commander");
  const input = await readJson(request, ZInjectScenario);
  const result = await injectScenario({
    drillId: (await context.params).id,
    input,
    author: authorFromActor(actor),
  });
  return NextResponse.json(result, { status: 201 });
});
