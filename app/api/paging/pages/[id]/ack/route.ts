import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { acknowledgePage } from "@/lib/paging";
import { acknowledgeIncidentFromPage } from "../../../acknowledge-incident";
import { memberIdOf } from "../../../member-of";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const memberId = memberIdOf(await authorize(request, "responder"));
  const { id } = await context.params;
  const result = await acknowledgePage({ pageId: id, memberId, via: "console" });
  await acknowledgeIncidentFromPage(result, memberId);
  return NextResponse.json({ acknowledged: result });
});
