import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { updateActionItem, ZUpdateActionItem } from "@/lib/postmortems";

export const PATCH = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "responder");
  const input = await readJson(request, ZUpdateActionItem);
  const { id } = await context.params;
  return NextResponse.json({ actionItem: await updateActionItem({ id, input, actor }) });
});
