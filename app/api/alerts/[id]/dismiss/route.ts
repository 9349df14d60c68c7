import { NextResponse } from "next/server";
import { dismissAlert } from "@/lib/alerts";
import { route } from "@/lib/http/handle-route";

export const POST = route<{ id: string }>({ role: "responder" }, async (_request, { params }) => {
  const { id } = await params;
  await dismissAlert(id);
  return NextResponse.json({ ok: true });
});
