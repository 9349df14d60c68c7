import { NextResponse } from "next/server";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { describeOpenRisks, readOpenRisks } from "@/lib/safe";

/** What is still open before resolving: paused contracts (read now), pending timelocks, open proposals. */
export const GET = route<{ ref: string }>({ role: "viewer" }, async (_request, { params }) => {
  const incident = await getIncidentByRef((await params).ref);
  const risks = await readOpenRisks(incident.id);
  return NextResponse.json({ ...risks, lines: describeOpenRisks(risks) });
});
