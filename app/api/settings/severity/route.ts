import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { listSeverityLevels, replaceSeverityScheme, ZSeverityScheme } from "@/lib/incidents";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json({ levels: await listSeverityLevels() });
});

export const PUT = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZSeverityScheme);
  return NextResponse.json({ levels: await replaceSeverityScheme({ input }) });
});
