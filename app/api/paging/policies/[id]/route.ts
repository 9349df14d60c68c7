import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { deletePolicy, savePolicy, ZEscalationPolicy } from "@/lib/paging";

type Params = { id: string };

export const PUT = route<Params>({ role: "admin" }, async (request, { params }) => {
  const input = await readJson(request, ZEscalationPolicy);
  const { id } = await params;
  return NextResponse.json({ policy: await savePolicy(id, input) });
});

export const DELETE = route<Params>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  await deletePolicy(id);
  return NextResponse.json({ ok: true });
});
