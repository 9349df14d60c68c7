import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import type { EventAuthor } from "../timeline";
import { runVerification } from "../verifications";
import { ZVerificationRead } from "./schemas";

export type VerifyResult = { events: TimelineEvent[]; errors: string[] };

/** Runs the proposal's verification reads after execution; each read is its own timeline event. */
export async function verifyProposal(proposalId: string, author: EventAuthor): Promise<VerifyResult> {
  const proposal = await db().safeProposal.findUnique({ where: { id: proposalId } });
  if (!proposal?.incidentId) return { events: [], errors: [] };
  const reads = ZVerificationRead.array().safeParse(proposal.verifications ?? []);
  if (!reads.success) return { events: [], errors: ["The stored verification reads are invalid."] };
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
  return { events, errors };
}
