import { NextResponse } from "next/server";
import { deleteAlertRoute, updateAlertRoute, ZUpdateAlertRoute } from "@/lib/alerts";
import { readJson, route } from "@/lib/http/handle-route";
import { assertAutomatableKit } from "@/lib/kits";

export const PATCH = route<{ id: string }>({ role: "admin" }, async (request, { params }) => {
  const input = await readJson(request, ZUpdateAlertRoute);
  await assertAutomatableKit(input.kitId);
  const { id } = await params;
  return NextResponse.json({ route: await updateAlertRoute(id, input) });
});

export const DELETE = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await deleteAlertRoute(id);
  return NextResponse.json({ ok: true });
});
