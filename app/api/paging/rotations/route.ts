import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { listRotations, saveRotation, ZRotation } from "@/lib/paging";

export const GET = route(async (request) => {
  await authorize(request, "admin");
  return NextResponse.json({ rotations: await listRotations() });
});

export const POST = route(async (request) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZRotation);
  return NextResponse.json({ rotation: await saveRotation(null, input) }, { status: 201 });
});
