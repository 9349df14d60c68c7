import { NextResponse } from "next/server";
import { authorizeRead } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/handle-route";
import { readReadiness } from "@/lib/kits";

export const GET = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const [kit] = await authorizeRead(request, "viewer", () => readReadiness({ id }));
  if (!kit) throw new AppError("NOT_FOUND", "No such kit.");
  return NextResponse.json({ kit });
});
