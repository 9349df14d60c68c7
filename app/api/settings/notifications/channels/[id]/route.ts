import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteChannel, updateChannel, ZUpdateChannel } from "@/lib/notifications";

export const PATCH = route<{ id: string }>({ role: "admin" }, async (request, { params }) => {
  const input = await readJson(request, ZUpdateChannel);
  const { id } = await params;
  return NextResponse.json({ channel: await updateChannel(id, input) });
});

export const DELETE = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await deleteChannel(id);
  return NextResponse.json({ ok: true });
});
