"use client";

import { useLiveSigned } from "./live-signatures";
import { SignatureProgress } from "./proposal-state-badge";

/** "n of m" that moves the moment the live stream announces a signature of this proposal. */
export function LiveSignatureProgress(props: { proposalId: string; count: number; threshold: number }) {
  const live = useLiveSigned(props.proposalId);
  return (
    <SignatureProgress
      count={Math.max(props.count, live?.count ?? 0)}
      threshold={live?.threshold ?? props.threshold}
    />
  );
}

/** An owner's row says "signed" as soon as the stream announces it (the re-render then brings the time). */
export function LiveOwnerSignature(props: { proposalId: string; owner: string }) {
  const live = useLiveSigned(props.proposalId);
  return live?.owners.has(props.owner.toLowerCase()) ? (
    <span className="text-emerald-300" data-testid="owner-signed-live">
      ✓ signed just now
    </span>
  ) : (
    <span className="text-zinc-500">not signed</span>
  );
}
