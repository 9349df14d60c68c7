import { NextResponse } from "next/server";
import { declareFromAlert, ZDeclareFromAlert } from "@/lib/alerts";
import { authorize } from "@/lib/auth";
import { readJson, route } from "@/lib/http/handle-route";
import { formatIncidentRef } from "@/lib/incidents";

export const POST = route(async (request, context: { params: Promise<{ id: string }> }) => {
  const actor = await authorize(request, "responder");
  const input = await readJson(request, ZDeclareFromAlert);
  const { id } = await context.params;
  const incident = await declareFromAlert({ alertId: id, input, actor });
  return NextResponse.json(
    { incident: { id: incident.id, ref: formatIncidentRef(incident.number) } },
    { status: 201 },
  );
});
