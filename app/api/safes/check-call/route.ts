import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { checkSafesForCall, ZSafeCall } from "@/lib/safe";

/** Which registry Safe may make this call (simulated from each): separation of duties in the form. */
export const POST = route({ role: "viewer" }, async (request) => {
  const call = await readJson(request, ZSafeCall);
  return NextResponse.json({ safes: await checkSafesForCall(call) });
});
