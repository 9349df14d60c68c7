import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteWatchRule, updateWatchRule, ZUpdateWatchRule } from "@/lib/watch";

export const PATCH = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZUpdateWatchRule);
  const { id } = await context.params;
  return NextResponse.json({ rule: await updateWatchRule(id, input) });
});

export const DELETE = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await deleteWatchRule(id);
  return NextResponse.json({ ok: true });
});
