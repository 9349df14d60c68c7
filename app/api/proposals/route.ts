import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { listProposals } from "@/lib/safe";

export const GET = route({ role: "viewer" }, async () => {
  return NextResponse.json({ proposals: await listProposals() });
});
