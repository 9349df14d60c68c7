import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { acknowledgePage } from "@/lib/paging";
import { acknowledgeIncidentFromPage } from "../../../acknowledge-incident";
import { memberIdOf } from "../../../member-of";

export const POST = route<{ id: string }>({ role: "responder" }, async (_request, { actor, params }) => {
  const memberId = memberIdOf(actor);
  const { id } = await params;
  const result = await acknowledgePage({ pageId: id, memberId, via: "console" });
  await acknowledgeIncidentFromPage(result, memberId);
  return NextResponse.json({ acknowledged: result });
});
