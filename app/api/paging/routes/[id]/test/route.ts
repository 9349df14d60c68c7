import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { testContactRoute } from "@/lib/paging";
import { memberIdOf } from "../../../member-of";

/** Sends a test page to one of your own routes now and answers with what happened. */
export const POST = route<{ id: string }>({ role: "viewer" }, async (_request, { actor, params }) => {
  const memberId = memberIdOf(actor);
  const { id } = await params;
  return NextResponse.json({ result: await testContactRoute(id, memberId) });
});
