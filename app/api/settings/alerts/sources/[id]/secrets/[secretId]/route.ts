import { NextResponse } from "next/server";
import { revokeAlertSecret } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";

// Rotation step 2: revoke the old secret once every sender uses the new one.
export const DELETE = route(
  async (request, context: { params: Promise<{ id: string; secretId: string }> }) => {
    await authorize(request, "admin");
    const { id, secretId } = await context.params;
    await revokeAlertSecret({ sourceId: id, secretId });
    return NextResponse.json({ ok: true });
  },
);
