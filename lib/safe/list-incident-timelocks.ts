import { db } from "../db/client";

/** An incident's timelocks with the contract they wait on, and the follow-up proposal if one exists. */
export async function listIncidentTimelocks(incidentId: string) {
  const timelocks = await db().timelock.findMany({ where: { incidentId }, orderBy: { readyAt: "asc" } });
  const contracts = await db().contract.findMany({
    where: { id: { in: timelocks.map((t) => t.contractId).filter((id): id is string => id !== null) } },
  });
  return timelocks.map((t) => ({
    id: t.id,
    proposalId: t.proposalId,
    contractId: t.contractId,
    contract: contracts.find((c) => c.id === t.contractId)?.name ?? null,
    startedSignature: t.startedSignature,
    followUpSignature: t.followUpSignature,
    readyAt: t.readyAt.toISOString(),
    followUpId: t.followUpId,
  }));
}
