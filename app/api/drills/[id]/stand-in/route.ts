import { NextResponse } from "next/server";
import { standInForOwner, ZStandIn } from "@/lib/drills";
import { readJson, route } from "@/lib/http/handle-route";
import { authorFromActor } from "@/lib/timeline";

// The facilitator (a commander) lets the fork act for an absent owner; the report marks it as a stand-in.
export const POST = route<{ id: string }>({ role: "commander" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZStandIn);
  await standInForOwner({ drillId: (await params).id, input, author: authorFromActor(actor) });
  return NextResponse.json({ owner: input.owner }, { status: 201 });
});
