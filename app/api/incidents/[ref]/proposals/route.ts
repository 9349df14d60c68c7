import { NextResponse } from "next/server";
import { hasRole } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { readJson, route } from "@/lib/http/handle-route";
import { getIncidentByRef } from "@/lib/incidents";
import { assessProposalGuards, describeGuard } from "@/lib/runbooks";
import { listProposals, proposeSafeTransaction, ZProposeTransaction } from "@/lib/safe";
import { authorFromActor } from "@/lib/timeline";

type Params = { ref: string };

export const GET = route<Params>({ role: "viewer" }, async (_request, { params }) => {
  const incident = await getIncidentByRef((await params).ref);
  return NextResponse.json({ proposals: await listProposals({ incidentId: incident.id }) });
});

export const POST = route<Params>({ role: "responder" }, async (request, { actor, params }) => {
  const incident = await getIncidentByRef((await params).ref);
  const input = await readJson(request, ZProposeTransaction);
  // Guardrails are read here, at the edge (the runbook checklist is the runbooks domain's; proposing the Safe's).
  const guards = await assessProposalGuards({
    incidentId: incident.id,
    signatures: input.calls.map((call) => call.signature),
    runbook: input.runbook,
  });
  if (guards.length > 0 && !input.override)
    throw new AppError(
      "CONFLICT",
      `${guards.map(describeGuard).join(". ")}. A commander can override with a reason.`,
      {
        fields: [{ path: "override", message: guards.map(describeGuard).join(". ") }],
      },
    );
  if (guards.length > 0 && !hasRole(actor.role, "commander"))
    throw new AppError("FORBIDDEN", "Only a commander can override a guardrail.");
  const proposal = await proposeSafeTransaction({
    incidentId: incident.id,
    input,
    author: authorFromActor(actor),
    overrides: guards.map((guard) => ({
      guard: guard.guard,
      action: guard.action,
      reason: input.override!.reason,
      unchecked: guard.unchecked,
    })),
  });
  return NextResponse.json(
    { id: proposal.id, safeTxHash: proposal.safeTxHash, nonce: proposal.nonce },
    { status: 201 },
  );
});
