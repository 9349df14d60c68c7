import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import { isAppError } from "../errors";
import { transitionIncident } from "../incidents";
import { findContainmentStatement, type ParsedRunbook, parseRunbookActionRef } from "../runbooks";
import type { EventAuthor } from "../timeline";
import { runVerification } from "../verifications";
import { ZVerificationRead } from "./schemas";

export type VerifyResult = { events: TimelineEvent[]; errors: string[]; isContained: boolean };

/**
 * Runs the proposal's verification reads after execution; each read is its own timeline event. When every
 * read passes and the runbook step the proposal came from says that it contains the incident, the incident
 * is marked contained (with the time to contain), quoting the runbook; otherwise the step only offers it.
 */
export async function verifyProposal(proposalId: string, author: EventAuthor): Promise<VerifyResult> {
  const proposal = await db().safeProposal.findUnique({ where: { id: proposalId } });
  if (!proposal?.incidentId) return { events: [], errors: [], isContained: false };
  const reads = ZVerificationRead.array().safeParse(proposal.verifications ?? []);
  if (!reads.success)
    return { events: [], errors: ["The stored verification reads are invalid."], isContained: false };
  const events: TimelineEvent[] = [];
  const errors: string[] = [];
  for (const read of reads.data) {
    try {
      events.push(
        await runVerification({
          incidentId: proposal.incidentId,
          contractId: read.contractId,
          signature: read.signature,
          args: read.args,
          expected: read.expected,
          author,
          source: `proposal:${proposal.id}`,
        }),
      );
    } catch (error) {
      // Returned to the caller, who shows it: a failed read must not undo the recorded execution.
      errors.push(`${read.signature}: ${(error as Error).message}`);
    }
  }
  const isVerified =
    events.length > 0 &&
    errors.length === 0 &&
    events.every((event) => (event.payload as { isPassed?: boolean | null }).isPassed !== false);
  const isContained = isVerified ? await containIfRunbookSays(proposal, proposal.incidentId, author) : false;
  return { events, errors, isContained };
}

async function containIfRunbookSays(
  proposal: { id: string; title: string; source: unknown },
  incidentId: string,
  author: EventAuthor,
): Promise<boolean> {
  const written = (proposal.source as { runbook?: unknown } | null)?.runbook;
  if (typeof written !== "string") return false;
  const source = parseRunbookActionRef(written);
  if (!source) return false;
  const version = await db().runbookVersion.findUnique({
    where: { id: source.versionId },
    select: { parsed: true },
  });
  if (!version) return false;
  const statement = findContainmentStatement(version.parsed as ParsedRunbook, source.actionIndex);
  if (!statement) return false;
  try {
    await transitionIncident({
      incidentId,
      // Containing never resolves: nothing to draft.
      onResolved: null,
      transition: {
        action: "contain",
        proposalId: proposal.id,
        reason: `${proposal.title} verified on chain; the runbook says: "${statement}"`,
      },
      author,
    });
    return true;
  } catch (error) {
    // Already contained (by someone, or by the other verifier of the same execution) or resolved: the
    // transition refuses, and there is nothing to record.
    if (isAppError(error) && error.code === "CONFLICT") return false;
    throw error;
  }
}
