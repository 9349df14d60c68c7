import { NextResponse } from "next/server";
import { revokeAlertSecret } from "@/lib/alerts";
import { route } from "@/lib/http/handle-route";

// Rotation step 2: revoke the old secret once every sender uses the new one.
export const DELETE = route<{ id: string; secretId: string }>(
  { role: "admin" },
  async (_request, { params }) => {
    const { id, secretId } = await params;
    await revokeAlertSecret({ sourceId: id, secretId });
    return NextResponse.json({ ok: true });
  },
);
