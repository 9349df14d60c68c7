import { NextResponse } from "next/server";
import { createSiweNonce } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const nonce = await createSiweNonce();
  return NextResponse.json({ nonce }, { headers: { "cache-control": "no-store" } });
});
