import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { applySeverityPreset, ZApplyPreset } from "@/lib/incidents";

export const POST = route({ role: "admin" }, async (request) => {
  const { preset } = await readJson(request, ZApplyPreset);
  return NextResponse.json({ levels: await applySeverityPreset(preset) });
});
