import { NextResponse } from "next/server";
import { readJson, route } from "@/lib/http/handle-route";
import { createActionItem, listActionItems, ZCreateActionItem } from "@/lib/postmortems";

/** `?status=open&ownerId=…&incidentId=…`: action items across incidents, overdue first. */
export const GET = route({ role: "viewer" }, async (request) => {
  const params = new URL(request.url).searchParams;
  const items = await listActionItems(
    {
      status: params.get("status") ?? undefined,
      ownerId: params.get("ownerId") ?? undefined,
      incidentId: params.get("incidentId") ?? undefined,
    },
    new Date(),
  );
  return NextResponse.json({ actionItems: items });
});

export const POST = route({ role: "responder" }, async (request, { actor }) => {
  const input = await readJson(request, ZCreateActionItem);
  return NextResponse.json({ actionItem: await createActionItem({ input, actor }) }, { status: 201 });
});
