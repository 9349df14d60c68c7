import { NextResponse } from "next/server";
import { rotateAlertSecret } from "@/lib/alerts";
import { route } from "@/lib/http/handle-route";

// Rotation step 1: a second active secret, shown once.
export const POST = route<{ id: string }>({ role: "admin" }, async (_request, { params }) => {
  const { id } = await params;
  return NextResponse.json(await rotateAlertSecret(id), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
