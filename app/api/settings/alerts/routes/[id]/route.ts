import { NextResponse } from "next/server";
import { deleteAlertRoute, updateAlertRoute, ZUpdateAlertRoute } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { assertAutomatableKit } from "@/lib/kits";

export const PATCH = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZUpdateAlertRoute);
  await assertAutomatableKit(input.kitId);
  const { id } = await context.params;
  return NextResponse.json({ route: await updateAlertRoute(id, input) });
});

export const DELETE = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await deleteAlertRoute(id);
  return NextResponse.json({ ok: true });
});
