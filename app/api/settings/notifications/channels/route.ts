import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { createChannel, listChannels, ZCreateChannel } from "@/lib/notifications";

export const GET = route({ role: "admin" }, async () => {
  return NextResponse.json({ channels: await listChannels() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZCreateChannel);
  return NextResponse.json({ channel: await createChannel(input) }, { status: 201 });
});
