import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteWatchRule, updateWatchRule, ZUpdateWatchRule } from "@/lib/watch";

export const PATCH = route<{ id: string }>({ role: "admin" }, async (request, { params }) => {
  const input = await readJson(request, ZUpdateWatchRule);
  const { id } = await params;
  return NextResponse.json({ rule: await updateWatchRule(id, input) });
});

export const DELETE = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await deleteWatchRule(id);
  return NextResponse.json({ ok: true });
});
