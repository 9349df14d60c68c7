import { NextResponse } from "next/server";
import { createSiweNonce } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

// Public on purpose: signing in starts here.
export const GET = route({ role: "public" }, async () => {
  const nonce = await createSiweNonce();
  return NextResponse.json({ nonce }, { headers: { "cache-control": "no-store" } });
});
