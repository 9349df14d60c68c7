import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { replayPageDelivery } from "@/lib/paging";

export const POST = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await replayPageDelivery(id);
  return NextResponse.json({ ok: true });
});
