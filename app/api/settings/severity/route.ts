import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { listSeverityLevels, replaceSeverityScheme, ZSeverityScheme } from "@/lib/incidents";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json({ levels: await listSeverityLevels() });
});

export const PUT = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZSeverityScheme);
  return NextResponse.json({ levels: await replaceSeverityScheme({ input }) });
});
