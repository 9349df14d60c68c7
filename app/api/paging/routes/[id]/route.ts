import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { deleteContactRoute, updateContactRoute, ZUpdateContactRoute } from "@/lib/paging";
import { memberIdOf } from "../../member-of";

type Params = { id: string };

export const PATCH = route<Params>({ role: "viewer" }, async (request, { actor, params }) => {
  const memberId = memberIdOf(actor);
  const input = await readJson(request, ZUpdateContactRoute);
  const { id } = await params;
  return NextResponse.json({ route: await updateContactRoute(id, memberId, input) });
});

export const DELETE = route<Params>({ role: "viewer" }, async (_request, { actor, params }) => {
  const memberId = memberIdOf(actor);
  const { id } = await params;
  await deleteContactRoute(id, memberId);
  return NextResponse.json({ ok: true });
});
