import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { recheckKits } from "@/lib/kits";

/** "Check now": the same recheck the minute loop and chain events run. */
export const POST = route({ role: "responder" }, async () => {
  return NextResponse.json({ results: await recheckKits() });
});
