import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { createContactRoute, listContactRoutes, ZCreateContactRoute } from "@/lib/paging";
import { memberIdOf } from "../member-of";

// Every member keeps their own contact routes (a viewer can be paged too).
export const GET = route({ role: "viewer" }, async (_request, { actor }) => {
  const memberId = memberIdOf(actor);
  return NextResponse.json({ routes: await listContactRoutes(memberId) });
});

export const POST = route({ role: "viewer" }, async (request, { actor }) => {
  const memberId = memberIdOf(actor);
  const input = await readJson(request, ZCreateContactRoute.omit({ memberId: true }));
  return NextResponse.json({ route: await createContactRoute(memberId, input) }, { status: 201 });
});
