import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { createChannel, listChannels, ZCreateChannel } from "@/lib/notifications";

export const GET = route(async (request) => {
  await authorize(request, "admin");
  return NextResponse.json({ channels: await listChannels() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZCreateChannel);
  return NextResponse.json({ channel: await createChannel(input) }, { status: 201 });
});
