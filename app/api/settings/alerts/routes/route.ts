import { NextResponse } from "next/server";
import { createAlertRoute, listAlertRoutes, ZAlertRouteInput } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { assertAutomatableKit } from "@/lib/kits";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json({ routes: await listAlertRoutes() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZAlertRouteInput);
  await assertAutomatableKit(input.kitId);
  return NextResponse.json({ route: await createAlertRoute(input) }, { status: 201 });
});
