import { db } from "../db/client";

/** An incident's proposals as its timeline names and links them: title, Safe, the chain's explorer. */
export async function listProposalInfo(
  incidentId: string,
): Promise<Record<string, { title: string; safeLabel: string; explorerUrl: string | null }>> {
  const rows = await db().safeProposal.findMany({
    where: { incidentId },
    select: {
      id: true,
      title: true,
      safe: { select: { label: true, chain: { select: { explorerUrl: true } } } },
    },
  });
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      { title: row.title, safeLabel: row.safe.label, explorerUrl: row.safe.chain.explorerUrl },
    ]),
  );
}
