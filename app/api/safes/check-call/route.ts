import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { checkSafesForCall, ZSafeCall } from "@/lib/safe";

/** Which registry Safe may make this call (simulated from each): separation of duties in the form. */
export const POST = route(async (request) => {
  await authorize(request, "viewer");
  const call = await readJson(request, ZSafeCall);
  return NextResponse.json({ safes: await checkSafesForCall(call) });
});
