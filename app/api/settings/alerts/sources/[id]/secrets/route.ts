import { NextResponse } from "next/server";
import { rotateAlertSecret } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

// Rotation step 1: a second active secret, shown once.
export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  await authorize(request, "admin");
  const { id } = await context.params;
  return NextResponse.json(await rotateAlertSecret(id), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
