// A proposal's lifecycle (ProposalState in schema.prisma): draft → signing → ready → executed | failed, and
// stale (its nonce was used by another transaction) or rejected. The states a proposal can still move from are
// written here once; the queries, the pages and the buttons all ask this module.
import type { ProposalState } from "../db/generated/enums";

/** Not executed, failed, stale or rejected: it can still collect signatures, be executed or be replaced. */
export const OPEN_PROPOSAL_STATES = ["draft", "signing", "ready"] as const satisfies readonly ProposalState[];
export type OpenProposalState = (typeof OPEN_PROPOSAL_STATES)[number];

/** Open and past its draft: owners are signing, so a conflicting proposal for the same nonce matters. */
export const SIGNING_PROPOSAL_STATES = ["signing", "ready"] as const satisfies readonly ProposalState[];

export function isOpenProposalState(state: string): state is OpenProposalState {
  return (OPEN_PROPOSAL_STATES as readonly string[]).includes(state);
}

export function isSigningProposalState(state: string): boolean {
  return (SIGNING_PROPOSAL_STATES as readonly string[]).includes(state);
}
