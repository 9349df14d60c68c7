import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth";
import { route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { describeOpenRisks, readOpenRisks } from "@/lib/safe";

/** What is still open before resolving: paused contracts (read now), pending timelocks, open proposals. */
export const GET = route(async (request, context: { params: Promise<{ ref: string }> }) => {
  await authorize(request, "viewer");
  const incident = await getIncidentByRef((await context.params).ref);
  const risks = await readOpenRisks(incident.id);
  return NextResponse.json({ ...risks, lines: describeOpenRisks(risks) });
});
