import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { recheckKits } from "@/lib/kits";

/** "Check now": the same recheck the minute loop and chain events run. */
export const POST = route(async (request) => {
  await authorize(request, "responder");
  return NextResponse.json({ results: await recheckKits() });
});
