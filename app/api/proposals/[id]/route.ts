import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { getProposalView } from "@/lib/safe";

export const GET = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "viewer");
  return NextResponse.json(await getProposalView((await context.params).id));
});
