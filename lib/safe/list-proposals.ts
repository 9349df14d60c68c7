import { db } from "../db/client";
import { formatIncidentRef } from "../incidents";
import { progressOf } from "./get-proposal-view";
import { OPEN_PROPOSAL_STATES } from "./proposal-states";

export type ProposalRow = Awaited<ReturnType<typeof listProposals>>[number];

/** Proposals across incidents (or one incident's), newest first, with progress and nonce conflicts. */
export async function listProposals(options: { incidentId?: string; take?: number } = {}) {
  const proposals = await db().safeProposal.findMany({
    where: options.incidentId ? { incidentId: options.incidentId } : {},
    include: { safe: true, incident: true, signatures: { select: { owner: true } } },
    orderBy: { createdAt: "desc" },
    take: options.take ?? 200,
  });
  const open = await db().safeProposal.findMany({
    where: { state: { in: [...OPEN_PROPOSAL_STATES] } },
    select: { safeId: true, nonce: true, id: true },
  });
  return proposals.map((p) => ({
    id: p.id,
    title: p.title,
    state: p.state,
    nonce: p.nonce,
    isRejection: p.isRejection,
    isDelegateCall: p.operation === 1,
    safe: { id: p.safe.id, label: p.safe.label },
    incident: p.incident ? { ref: formatIncidentRef(p.incident.number), title: p.incident.title } : null,
    progress: progressOf(p),
    conflictCount: open.filter((o) => o.safeId === p.safeId && o.nonce === p.nonce && o.id !== p.id).length,
    executedTxHash: p.executedTxHash,
    createdAt: p.createdAt.toISOString(),
  }));
}
