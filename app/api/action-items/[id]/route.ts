import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { updateActionItem, ZUpdateActionItem } from "@/lib/postmortems";

export const PATCH = route<{ id: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZUpdateActionItem);
  const { id } = await params;
  return NextResponse.json({ actionItem: await updateActionItem({ id, input, actor }) });
});
