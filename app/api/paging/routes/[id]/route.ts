import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteContactRoute, updateContactRoute, ZUpdateContactRoute } from "@/lib/paging";
import { memberIdOf } from "../../member-of";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route(async (request, context: Context) => {
  const memberId = memberIdOf(await authorize(request, "viewer"));
  const input = await readJson(request, ZUpdateContactRoute);
  const { id } = await context.params;
  return NextResponse.json({ route: await updateContactRoute(id, memberId, input) });
});

export const DELETE = route(async (request, context: Context) => {
  const memberId = memberIdOf(await authorize(request, "viewer"));
  const { id } = await context.params;
  await deleteContactRoute(id, memberId);
  return NextResponse.json({ ok: true });
});
