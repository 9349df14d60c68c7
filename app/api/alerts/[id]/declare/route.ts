import { NextResponse } from "next/server";
import { declareFromAlert, ZDeclareFromAlert } from "@/lib/alerts";
import { readJson, route } from "@/lib/http/handle-route";
import { formatIncidentRef } from "@/lib/incidents";

export const POST = route<{ id: string }>({ role: "responder" }, async (request, { actor, params }) => {
  const input = await readJson(request, ZDeclareFromAlert);
  const { id } = await params;
  const incident = await declareFromAlert({ alertId: id, input, actor });
  return NextResponse.json(
    { incident: { id: incident.id, ref: formatIncidentRef(incident.number) } },
    { status: 201 },
  );
});
