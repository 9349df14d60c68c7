import { NextResponse } from "next/server";
import { dismissAlert } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "responder");
  const { id } = await context.params;
  await dismissAlert(id);
  return NextResponse.json({ ok: true });
});
