import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteChannel, updateChannel, ZUpdateChannel } from "@/lib/notifications";

export const PATCH = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZUpdateChannel);
  const { id } = await context.params;
  return NextResponse.json({ channel: await updateChannel(id, input) });
});

export const DELETE = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await deleteChannel(id);
  return NextResponse.json({ ok: true });
});
