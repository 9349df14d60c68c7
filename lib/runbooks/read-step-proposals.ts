import { db } from "../db/client";
import type { VerificationResult } from "./read-checklist-state";

/** A runbook action's proposal as the step shows it: proposed → n of m → executed → verified. */
export type StepProposal = {
  id: string;
  title: string;
  state: string;
  count: number;
  threshold: number;
  executedAt: Date | null;
  /** All of its verification reads passed (null: none ran yet). */
  isVerified: boolean | null;
  verifiedAt: Date | null;
};

/**
 * The incident's proposals by the runbook step they came from (`<versionId>:<anchor>:<actionIndex>`, the
 * newest that is not stale or rejected), and the verification results recorded after execution, by
 * `<contract address>|<signature>` so a verify step below the action shows (and ticks on) the same read.
 */
export async function readStepProposals(incidentId: string) {
  const [proposals, verifications] = await Promise.all([
    db().safeProposal.findMany({
      where: { incidentId },
      orderBy: { createdAt: "asc" },
      include: {
        safe: { select: { owners: true, threshold: true } },
        signatures: { select: { owner: true } },
      },
    }),
    db().timelineEvent.findMany({
      where: { incidentId, kind: "verification.recorded" },
      orderBy: { id: "asc" },
    }),
  ]);
  const byProposal = new Map<string, { isPassed: boolean | null; at: Date }[]>();
  const byRead = new Map<string, VerificationResult>();
  for (const event of verifications) {
    const p = event.payload as {
      source?: string;
      address: string;
      signature: string;
      actual: string;
      expected: string | null;
      isPassed: boolean | null;
      blockNumber: string;
    };
    const match = /^proposal:(.+)$/.exec(p.source ?? "");
    if (!match) continue;
    const list = byProposal.get(match[1]!) ?? [];
    list.push({ isPassed: p.isPassed, at: event.createdAt });
    byProposal.set(match[1]!, list);
    byRead.set(`${p.address.toLowerCase()}|${p.signature}`, {
      actual: p.actual,
      expected: p.expected,
      isPassed: p.isPassed,
      blockNumber: p.blockNumber,
      by: event.authorLabel,
      at: event.createdAt,
      eventId: event.id,
    });
  }
  const byStep = new Map<string, StepProposal>();
  for (const proposal of proposals) {
    const source = (proposal.source as { runbook?: string } | null)?.runbook;
    if (!source || proposal.state === "stale" || proposal.state === "rejected") continue;
    const owners = proposal.safe.owners.map((o) => o.toLowerCase());
    const results = byProposal.get(proposal.id) ?? [];
    byStep.set(source, {
      id: proposal.id,
      title: proposal.title,
      state: proposal.state,
      count: proposal.signatures.filter((s) => owners.includes(s.owner.toLowerCase())).length,
      threshold: proposal.safe.threshold ?? 0,
      executedAt: proposal.state === "executed" ? proposal.updatedAt : null,
      isVerified: results.length === 0 ? null : results.every((r) => r.isPassed !== false),
      verifiedAt: results.at(-1)?.at ?? null,
    });
  }
  return { byStep, byRead };
}
