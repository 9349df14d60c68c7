import { NextResponse } from "next/server";
import { createAlertSource, listAlertSources, ZCreateAlertSource } from "@/lib/alerts";
import { readJson, route } from "@/lib/http/handle-route";

export const GET = route({ role: "admin" }, async () => {
  return NextResponse.json({ sources: await listAlertSources() });
});

// The secret is in this response and nowhere else, ever again.
export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZCreateAlertSource);
  return NextResponse.json(await createAlertSource(input), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
