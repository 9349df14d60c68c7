import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handle-route";
import { readReadiness } from "@/lib/kits";

export const GET = route<{ id: string }>({ role: "viewer" }, async (_request, { params }) => {
  const { id } = await params;
  const [kit] = await readReadiness({ id, includeRetired: true });
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  return NextResponse.json({ kit });
});
