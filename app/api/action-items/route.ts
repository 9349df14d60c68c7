import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { createActionItem, listActionItems, ZCreateActionItem } from "@/lib/postmortems";

/** `?status=open&ownerId=…&incidentId=…`: action items across incidents, overdue first. */
export const GET = route(async (request) => {
  await authorize(request, "viewer");
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

export const POST = route(async (request) => {
  const actor = await authorize(request, "responder");
  const input = await readJson(request, ZCreateActionItem);
  return NextResponse.json({ actionItem: await createActionItem({ input, actor }) }, { status: 201 });
});
