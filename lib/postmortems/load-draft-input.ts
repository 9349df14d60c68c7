import type { DbTransaction } from "../db/client";
import type { Incident } from "../db/generated/client";
import { formatIncidentRef } from "../incidents";
import type { DraftInput } from "./render-postmortem-draft";
import type { ProposalInfo } from "./summarize-timeline";

/** Reads what the draft shows, inside the resolving transaction (so it sees the resolve's own events). */
export async function loadDraftInput(
  tx: DbTransaction,
  incident: Incident,
  resolvedAt: Date,
  dueAt: Date,
): Promise<DraftInput> {
  const events = await tx.timelineEvent.findMany({
    where: { incidentId: incident.id },
    orderBy: { id: "asc" },
  });
  const proposalIds = events
    .filter((event) => event.kind === "proposal.executed")
    .map((event) => (event.payload as { proposalId?: string }).proposalId)
    .filter((id): id is string => typeof id === "string");
  const proposals = new Map<string, ProposalInfo>();
  if (proposalIds.length > 0) {
    const rows = await tx.safeProposal.findMany({
      where: { id: { in: proposalIds } },
      include: { safe: { include: { chain: true } } },
    });
    for (const row of rows) {
      proposals.set(row.id, {
        title: row.title,
        safeLabel: row.safe.label,
        explorerUrl: row.safe.chain.explorerUrl,
      });
    }
  }
  const commander = incident.commanderId
    ? await tx.member.findUnique({ where: { id: incident.commanderId } })
    : null;
  return {
    incident: {
      ref: formatIncidentRef(incident.number),
      title: incident.title,
      severityName: incident.severityName,
      detectedVia: incident.detectedVia,
      impact: incident.impact,
      isDrill: incident.isDrill,
      declaredAt: incident.declaredAt,
      acknowledgedAt: incident.acknowledgedAt,
      containedAt: incident.containedAt,
      resolvedAt,
      commanderName: commander?.displayName ?? null,
    },
    events,
    proposals,
    dueAt,
  };
}
