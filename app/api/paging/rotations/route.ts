import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { listRotations, saveRotation, ZRotation } from "@/lib/paging";

export const GET = route({ role: "admin" }, async () => {
  return NextResponse.json({ rotations: await listRotations() });
});

export const POST = route({ role: "admin" }, async (request) => {
  const input = await readJson(request, ZRotation);
  return NextResponse.json({ rotation: await saveRotation(null, input) }, { status: 201 });
});
