import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { readSafeState, reconcileSafeProposals } from "@/lib/safe";

/** Re-reads owners, threshold, nonce and roles from the chain (only a cache is written). */
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "viewer");
  const id = (await context.params).id;
  const state = await readSafeState(id);
  await reconcileSafeProposals(id);
  return NextResponse.json(state);
});
