import Link from "next/link";
import { type Address, getAddress } from "viem";
import { listPublicChains, loadIncidentChainScope } from "@/lib/chain";
import {
  isSigningProposalState,
  listContractFunctionNames,
  listIncidentTimelocks,
  listProposals,
} from "@/lib/safe";
import { IncidentChainReads } from "./incident-chain-reads";
import type { LiveContract } from "./live-contract-table";
import { LIVE_READS } from "./live-reads";
import { ProposalStateBadge, SignatureProgress } from "./proposal-state-badge";

/** Safe proposals, timelocks and live contract state of an incident; derived from the database on each render. */
export async function IncidentSafePanel({
  incidentId,
  incidentRef,
  canAct,
}: {
  incidentId: string;
  incidentRef: string;
  canAct: boolean;
}) {
  const [proposals, timelocks, contracts, chains] = await Promise.all([
    listProposals({ incidentId }),
    listIncidentTimelocks(incidentId),
    loadIncidentChainScope(incidentId).then(listContractFunctionNames),
    listPublicChains(),
  ]);
  const live: LiveContract[] = contracts
    .map((c) => ({
      name: c.name,
      address: getAddress(c.address) as Address,
      chainId: c.chainId,
      reads: LIVE_READS.filter((r) => c.functionNames.has(r)),
    }))
    .filter((c) => c.reads.length > 0);
  return (
    <section aria-labelledby="safe-panel-heading" className="space-y-4" data-testid="incident-safe-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="safe-panel-heading" className="text-lg font-semibold">
          Safe proposals
        </h2>
        {canAct && (
          <Link
            href={`/incidents/${incidentRef}/proposals/new`}
            className="rounded-md bg-amber-500 px-3 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-400"
          >
            New Safe proposal
          </Link>
        )}
      </div>
      {proposals.length === 0 ? (
        <p className="text-sm text-zinc-400">No proposals yet.</p>
      ) : (
        <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
          {proposals.map((p) => (
            <li
              key={p.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm"
              data-testid="incident-proposal"
            >
              <Link
                href={`/proposals/${p.id}`}
                className="min-w-0 flex-1 font-semibold underline-offset-2 hover:underline"
              >
                {p.title}
              </Link>
              <ProposalStateBadge state={p.state} />
              <SignatureProgress count={p.progress.count} threshold={p.progress.threshold} />
              <span className="text-xs text-zinc-400">
                {p.safe.label} · nonce {p.nonce}
                {p.conflictCount > 0 && isSigningProposalState(p.state) && (
                  <span className="ml-1 text-amber-300">· nonce conflict</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <IncidentChainReads
        chains={chains}
        timelocks={timelocks.map((t) => {
          const starter = t.startedBy;
          return {
            id: t.id,
            chainId: starter?.chainId ?? 1,
            readyAt: t.readyAt,
            label: `${t.contract ?? "Contract"}.${t.followUpSignature}`,
            followUpHref:
              canAct && t.contractId && starter
                ? `/incidents/${incidentRef}/proposals/new?${new URLSearchParams({ contractId: t.contractId, signature: t.followUpSignature, args: "[]", value: "0", safeId: starter.safeId, timelock: t.id })}`
                : null,
            followUpId: t.followUpId,
          };
        })}
        contracts={live}
      />
    </section>
  );
}
