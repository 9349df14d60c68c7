import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { testContactRoute } from "@/lib/paging";
import { memberIdOf } from "../../../member-of";

/** Sends a test page to one of your own routes now and answers with what happened. */
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const memberId = memberIdOf(await authorize(request, "viewer"));
  const { id } = await context.params;
  return NextResponse.json({ result: await testContactRoute(id, memberId) });
});
