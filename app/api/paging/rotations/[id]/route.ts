import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteRotation, saveRotation, ZRotation } from "@/lib/paging";

type Context = { params: Promise<{ id: string }> };

export const PUT = route(async (request, context: Context) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZRotation);
  const { id } = await context.params;
  return NextResponse.json({ rotation: await saveRotation(id, input) });
});

export const DELETE = route(async (request, context: Context) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await deleteRotation(id);
  return NextResponse.json({ ok: true });
});
