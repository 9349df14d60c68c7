import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { replayPageDelivery } from "@/lib/paging";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await replayPageDelivery(id);
  return NextResponse.json({ ok: true });
});
