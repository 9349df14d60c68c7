import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteRotation, saveRotation, ZRotation } from "@/lib/paging";

type Params = { id: string };

export const PUT = route<Params>({ role: "admin" }, async (request, { params }) => {
  const input = await readJson(request, ZRotation);
  const { id } = await params;
  return NextResponse.json({ rotation: await saveRotation(id, input) });
});

export const DELETE = route<Params>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await deleteRotation(id);
  return NextResponse.json({ ok: true });
});
