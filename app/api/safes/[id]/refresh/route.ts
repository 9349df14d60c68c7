import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { readSafeState, reconcileSafeProposals } from "@/lib/safe";

/** Re-reads owners, threshold, nonce and roles from the chain (only a cache is written). */
export const POST = route<{ id: string }>({ role: "viewer" }, async (_request, { params }) => {
  const id = (await params).id;
  const state = await readSafeState(id);
  await reconcileSafeProposals(id);
  return NextResponse.json(state);
});
