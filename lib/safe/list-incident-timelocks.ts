import { db } from "../db/client";

/**
 * An incident's timelocks with the contract they wait on, the Safe whose proposal started them (where the
 * follow-up goes), and the follow-up proposal if one exists.
 */
export async function listIncidentTimelocks(incidentId: string) {
  const timelocks = await db().timelock.findMany({ where: { incidentId }, orderBy: { readyAt: "asc" } });
  const starters = await db().safeProposal.findMany({
    where: { id: { in: timelocks.map((t) => t.proposalId) } },
    select: { id: true, safeId: true, safe: { select: { chainId: true } } },
  });
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
    startedBy: startedBy(starters.find((s) => s.id === t.proposalId)),
  }));
}

function startedBy(proposal: { safeId: string; safe: { chainId: number } } | undefined) {
  return proposal ? { safeId: proposal.safeId, chainId: proposal.safe.chainId } : null;
}
