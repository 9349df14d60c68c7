import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { listProposals } from "@/lib/safe";

export const GET = route(async (request) => {
  await authorize(request, "viewer");
  return NextResponse.json({ proposals: await listProposals() });
});
