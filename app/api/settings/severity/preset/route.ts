import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { applySeverityPreset, ZApplyPreset } from "@/lib/incidents";

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const { preset } = await readJson(request, ZApplyPreset);
  return NextResponse.json({ levels: await applySeverityPreset(preset) });
});
