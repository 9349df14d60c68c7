import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { createContactRoute, listContactRoutes, ZCreateContactRoute } from "@/lib/paging";
import { memberIdOf } from "../member-of";

// Every member keeps their own contact routes (a viewer can be paged too).
export const GET = route(async (request) => {
  const memberId = memberIdOf(await authorize(request, "viewer"));
  return NextResponse.json({ routes: await listContactRoutes(memberId) });
});

export const POST = route(async (request) => {
  const memberId = memberIdOf(await authorize(request, "viewer"));
  const input = await readJson(request, ZCreateContactRoute.omit({ memberId: true }));
  return NextResponse.json({ route: await createContactRoute(memberId, input) }, { status: 201 });
});
