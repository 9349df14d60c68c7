import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { getProposalView } from "@/lib/safe";

export const GET = route<{ id: string }>({ role: "viewer" }, async (_request, { params }) => {
  return NextResponse.json(await getProposalView((await params).id));
});
