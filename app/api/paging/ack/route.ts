import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { acknowledgePage, readAcknowledgeToken, ZAcknowledgeToken } from "@/lib/paging";
import { acknowledgeIncidentFromPage } from "../acknowledge-incident";

/**
 * The page's own link: no session (the responder may be on a phone, signed out); the signed token names the
 * page and the person it was sent to, and is good for nothing else. A POST, so link scanners that fetch the
 * link do not acknowledge for anyone.
 */
export const POST = route({ role: "public" }, async (request) => {
  const { token } = await readJson(request, ZAcknowledgeToken);
  const { pageId, memberId } = readAcknowledgeToken(token);
  const result = await acknowledgePage({ pageId, memberId, via: "link" });
  await acknowledgeIncidentFromPage(result, memberId);
  return NextResponse.json({ acknowledged: result });
});
