import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/handle-route";
import { getProposalPageTally } from "@/lib/paging";

const ZQuery = z.object({ proposalId: z.string().min(1, "is required").max(64) });

/** Who was paged about a proposal, when, and who signed (the tally on the proposal page polls it). */
export const GET = route({ role: "viewer" }, async (request) => {
  const { proposalId } = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ tally: await getProposalPageTally(proposalId) });
});
