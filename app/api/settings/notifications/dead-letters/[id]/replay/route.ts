import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { replayNotification } from "@/lib/notifications";

export const POST = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await replayNotification(id);
  return NextResponse.json({ ok: true });
});
