import Link from "next/link";
import type { StepProposal } from "@/lib/runbooks";

const STAGES = ["proposed", "signed", "executed", "verified"] as const;

function stageOf(proposal: StepProposal): (typeof STAGES)[number] | "failed" {
  if (proposal.state === "failed") return "failed";
  if (proposal.state === "executed") return proposal.isVerified ? "verified" : "executed";
  return proposal.count > 0 ? "signed" : "proposed";
}

/** proposed → n of m → executed → verified, for the proposal made from this runbook step. */
export function StepProposalState({ proposal }: { proposal: StepProposal }) {
  const stage = stageOf(proposal);
  const reached = stage === "failed" ? 2 : STAGES.indexOf(stage);
  return (
    <Link
      href={`/proposals/${proposal.id}`}
      className="inline-flex flex-wrap items-center gap-1 text-xs"
      data-testid="step-proposal-state"
      data-stage={stage}
      title={proposal.title}
    >
      {STAGES.map((name, index) => {
        const label = name === "signed" ? `${proposal.count} of ${proposal.threshold}` : name;
        const isReached = index <= reached;
        const isFailed = stage === "failed" && name === "executed";
        return (
          <span key={name} className="inline-flex items-center gap-1">
            {index > 0 ? <span className="text-zinc-600">→</span> : null}
            <span
              className={`rounded px-1.5 py-0.5 ${isFailed ? "bg-red-500/20 text-red-200" : isReached ? "bg-emerald-500/15 text-emerald-200" : "bg-zinc-800 text-zinc-500"}`}
            >
              {isFailed ? "failed" : label}
            </span>
          </span>
        );
      })}
      {proposal.isVerified === false ? <span className="text-red-300">verification FAILED</span> : null}
    </Link>
  );
}
