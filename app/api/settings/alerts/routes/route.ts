import { NextResponse } from "next/server";
import { createAlertRoute, listAlertRoutes, ZAlertRouteInput } from "@/lib/alerts";
import { readJson, route } from "@/lib/http/handle-route";
import { assertAutomatableKit } from "@/lib/kits";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json({ routes: await listAlertRoutes() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZAlertRouteInput);
  await assertAutomatableKit(input.kitId);
  return NextResponse.json({ route: await createAlertRoute(input) }, { status: 201 });
});
