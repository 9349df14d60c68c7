import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { deletePolicy, savePolicy, ZEscalationPolicy } from "@/lib/paging";

type Context = { params: Promise<{ id: string }> };

export const PUT = route(async (request, context: Context) => {
  await authorize(request, "admin");
  const input = await readJson(request, ZEscalationPolicy);
  const { id } = await context.params;
  return NextResponse.json({ policy: await savePolicy(id, input) });
});

export const DELETE = route(async (request, context: Context) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  await deletePolicy(id);
  return NextResponse.json({ ok: true });
});
