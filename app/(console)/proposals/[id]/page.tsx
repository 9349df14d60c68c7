import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UtcTime } from "@/components/incidents/utc-time";
import { PageTally } from "@/components/paging/page-tally";
import { WalletScope } from "@/components/providers/wallet-scope";
import { AddressLabel } from "@/components/safe/address-label";
import { LiveSignatureProgress } from "@/components/safe/live-signature-progress";
import { ProposalActions } from "@/components/safe/proposal-actions";
import { ProposalHashes } from "@/components/safe/proposal-hashes";
import { ProposalLive } from "@/components/safe/proposal-live";
import { ProposalStateBadge } from "@/components/safe/proposal-state-badge";
import { SignatureList } from "@/components/safe/signature-list";
import { SimulationResult } from "@/components/safe/simulation-result";
import { StateChanges } from "@/components/safe/state-changes";
import { hasRole, requirePageMember } from "@/lib/auth";
import { listPublicChains } from "@/lib/chain";
import { isAppError } from "@/lib/errors";
import { listTimelineEvents } from "@/lib/incidents";
import { findKitsAtRisk } from "@/lib/kits";
import { timelineResumeBound } from "@/lib/live";
import { getProposalView, isDeferredSimulation, isOpenProposalState } from "@/lib/safe";

export const metadata: Metadata = { title: "Safe proposal" };

async function load(id: string) {
  try {
    return await getProposalView(id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * A signer's page: chain, Safe and what the call does first, then what it changes (simulated), then the
 * hashes to compare, then Sign, which stays in reach at the bottom of the screen on any device. Rendering
 * reads only the database: the chain is re-read on sign, on execute, on an explicit "Re-read the chain",
 * and changes arrive through the incident's live stream (ProposalLive).
 */
export default async function ProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageMember("viewer");
  const { id } = await params;
  // The stream's start is taken before the proposal is read, so nothing recorded in between is missed.
  const resumeTxid = await timelineResumeBound();
  const [view, chains] = await Promise.all([load(id), listPublicChains()]);
  const newest = view.incident
    ? await listTimelineEvents({ incidentId: view.incident.id, newest: true, limit: 1 })
    : [];
  const after = `${newest[0]?.id ?? 0}-${resumeTxid}`;
  const chain = chains.find((c) => c.id === view.chainId);
  const fields = { ...view.tx, nonce: view.nonce };
  const simulation = view.simulation;
  const stateChanges = simulation && !isDeferredSimulation(simulation) ? (simulation.stateChanges ?? []) : [];
  const isOpen = isOpenProposalState(view.state);
  // A routine transaction at a kit's last armed nonce leaves nothing to break the glass with: say so before
  // anyone executes it. (A kit's own execution is not a proposal.) Unreadable chain: no warning, not a guess.
  const kitsAtRisk =
    isOpen && !view.isDrill ? await findKitsAtRisk(view.safe.id, view.nonce).catch(() => []) : [];
  return (
    <article className="mx-auto max-w-4xl space-y-4">
      <header className="space-y-1.5">
        <p className="flex flex-wrap items-center gap-x-3 text-sm text-zinc-400">
          {view.incident ? (
            <Link href={`/incidents/${view.incident.ref}`} className="underline">
              {view.incident.ref} · {view.incident.title}
            </Link>
          ) : (
            "Drill"
          )}
          <ProposalLive
            proposalId={view.id}
            safeId={view.safe.id}
            incidentRef={view.incident?.ref ?? null}
            after={after}
            hasOfflineWork={
              isOpen && (isDeferredSimulation(simulation) || view.signatures.some((s) => s.isOwnerUnverified))
            }
          />
        </p>
        <h1 className="text-xl font-semibold break-words sm:text-2xl">{view.title}</h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <ProposalStateBadge state={view.state} />
          <LiveSignatureProgress
            proposalId={view.id}
            count={view.progress.count}
            threshold={view.progress.threshold}
          />
          {view.isRejection && (
            <span className="rounded bg-zinc-800 px-2 py-0.5 text-xs">rejection (no-op)</span>
          )}
        </div>
        <dl
          className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-sm"
          data-testid="proposal-context"
        >
          <dt className="text-zinc-400">Chain</dt>
          <dd data-testid="proposal-chain">
            {chain?.name ?? "Unknown chain"} <span className="text-zinc-400">(chain id {view.chainId})</span>
          </dd>
          <dt className="text-zinc-400">Safe</dt>
          <dd className="min-w-0">
            <AddressLabel address={view.safe.address} name={view.safe.label} />{" "}
            <span className="text-zinc-400">
              · nonce{" "}
              <span data-testid="proposal-nonce" className="tabular-nums text-zinc-100">
                {view.nonce}
              </span>
            </span>
          </dd>
        </dl>
        {view.conflicts.length > 0 && (
          <div
            data-testid="nonce-conflicts"
            className="rounded border border-amber-500/50 bg-amber-500/10 p-3 text-sm text-amber-200"
          >
            Nonce {view.nonce} is shared with:{" "}
            {view.conflicts.map((c) => (
              <Link key={c.id} href={`/proposals/${c.id}`} className="mr-2 underline">
                {c.title} ({c.state})
              </Link>
            ))}
            — only one of them can execute.
          </div>
        )}
      </header>

      <section aria-labelledby="calls-heading" className="space-y-2">
        <h2 id="calls-heading" className="text-base font-semibold">
          What this transaction does
        </h2>
        {view.isRejection && (
          <p className="text-sm text-zinc-300">
            Nothing: a call to the Safe itself with no data and no value. Executing it uses nonce {view.nonce}
            , which cancels every other proposal at that nonce.
          </p>
        )}
        <ol className="space-y-2">
          {view.calls.map((call, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a stored batch never reorders; position is the identity.
              key={`${call.to}-${index}`}
              data-testid="decoded-call"
              className="rounded-lg border border-zinc-800 p-2.5"
            >
              <p className="text-base">
                <span className="text-zinc-400">{index + 1}. </span>
                <code className="font-mono font-semibold text-amber-200">{call.functionName}</code>
                <span className="text-zinc-400"> on </span>
                <span className="font-semibold">{call.contract ?? call.toName ?? "an unknown contract"}</span>
              </p>
              <div className="text-xs">
                <AddressLabel address={call.to} name={call.toName} />
              </div>
              {call.args.length > 0 ? (
                <dl className="mt-1 grid grid-cols-1 gap-x-4 gap-y-0.5 text-sm sm:grid-cols-[max-content_1fr]">
                  {call.args.map((arg) => (
                    <div key={arg.name} className="contents">
                      <dt className="text-zinc-400">
                        {arg.name} <span className="text-xs text-zinc-500">({arg.type})</span>
                      </dt>
                      <dd className="break-all font-mono text-xs text-zinc-100">
                        {arg.value}
                        {arg.valueName && (
                          <span className="ml-2 font-sans font-semibold">{arg.valueName}</span>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-xs text-zinc-400">No arguments.</p>
              )}
              {call.value !== "0" && <p className="mt-1 text-sm text-amber-300">Sends {call.value} wei</p>}
            </li>
          ))}
        </ol>
        {view.tx.isDelegateCall && (
          <p data-testid="operation" className="text-sm">
            <span className="rounded bg-red-600/30 px-2 py-0.5 font-semibold text-red-200 ring-1 ring-red-500">
              DELEGATECALL
              {view.tx.isKnownMultiSend
                ? " to the known MultiSendCallOnly (a batch)"
                : " to an UNKNOWN contract: do not sign"}
            </span>
          </p>
        )}
      </section>

      <section aria-labelledby="simulation-heading" className="space-y-2">
        <h2 id="simulation-heading" className="text-base font-semibold">
          What changes (simulated)
        </h2>
        <StateChanges changes={stateChanges} />
        {simulation ? (
          <SimulationResult simulation={simulation} calls={view.calls.map((c) => c.functionName)} />
        ) : (
          <p className="text-sm text-zinc-400">Not simulated.</p>
        )}
      </section>

      <section aria-labelledby="hashes-heading" className="space-y-2">
        <h2 id="hashes-heading" className="text-base font-semibold">
          Compare with your wallet
        </h2>
        <ProposalHashes
          chainId={view.chainId}
          safeAddress={view.safe.address}
          fields={fields}
          server={view.hashes}
        />
        <details className="rounded-lg border border-zinc-800 p-2 text-sm">
          <summary className="cursor-pointer text-zinc-300">All transaction fields</summary>
          <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-[max-content_1fr]">
            <dt className="text-zinc-400">To</dt>
            <dd>
              <AddressLabel address={view.tx.to} name={view.tx.toName} />
            </dd>
            <dt className="text-zinc-400">Value</dt>
            <dd className="tabular-nums">{view.tx.value} wei</dd>
            <dt className="text-zinc-400">Operation</dt>
            <dd data-testid={view.tx.isDelegateCall ? undefined : "operation"}>
              {view.tx.isDelegateCall ? "DELEGATECALL" : "CALL"}
            </dd>
            <dt className="text-zinc-400">Gas fields</dt>
            <dd className="text-zinc-300">
              safeTxGas {view.tx.safeTxGas}, baseGas {view.tx.baseGas}, gasPrice {view.tx.gasPrice} (no
              refund)
            </dd>
            <dt className="text-zinc-400">Data</dt>
            <dd className="max-h-24 overflow-auto break-all font-mono text-xs text-zinc-400">
              {view.tx.data}
            </dd>
          </dl>
        </details>
      </section>

      <section aria-labelledby="signatures-heading" className="space-y-2">
        <h2 id="signatures-heading" className="text-base font-semibold">
          Signatures{" "}
          <LiveSignatureProgress
            proposalId={view.id}
            count={view.progress.count}
            threshold={view.progress.threshold}
          />
        </h2>
        <SignatureList proposalId={view.id} owners={view.safe.owners} signatures={view.signatures} />
      </section>

      <PageTally proposalId={id} />

      {(view.verificationResults.length > 0 || view.verifications.length > 0) && (
        <section aria-labelledby="verification-heading" className="space-y-2">
          <h2 id="verification-heading" className="text-base font-semibold">
            Verification
          </h2>
          {view.verificationResults.length > 0 ? (
            <ul className="space-y-1 text-sm" data-testid="verification-results">
              {view.verificationResults.map((result) => (
                <li
                  key={result.id}
                  className={result.isPassed === false ? "text-red-300" : "text-emerald-300"}
                >
                  {result.isPassed === null ? "•" : result.isPassed ? "✓" : "✗"} {result.contract}.
                  {result.signature} = {result.actual}
                  {result.expected !== null && ` (expected ${result.expected})`}
                </li>
              ))}
            </ul>
          ) : (
            <ul className="space-y-1 text-sm text-zinc-400">
              {view.verifications.map((read) => (
                <li key={`${read.contractId}-${read.signature}-${read.args.join(",")}`}>
                  After execution: {read.signature}
                  {read.expected !== null && ` should be ${read.expected}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {view.timelocks.map((t) => (
        <p key={t.id} className="rounded border border-sky-500/40 bg-sky-500/10 p-3 text-sm text-sky-200">
          Started a timelock: {t.followUpSignature} possible from <UtcTime at={t.readyAt} withDate />.
        </p>
      ))}

      {/* Last in reading order (after the hashes), but sticky: Sign is on a phone's first screen too. */}
      <section
        aria-labelledby="actions-heading"
        className="sticky bottom-0 z-10 -mx-4 border-t border-zinc-700 bg-zinc-950/95 px-4 py-3 backdrop-blur md:mx-0 md:rounded-lg md:border"
        data-testid="proposal-action-bar"
      >
        <h2 id="actions-heading" className="sr-only">
          Actions
        </h2>
        {view.executedTxHash ? (
          <p className="text-sm" data-testid="executed-tx">
            {view.state === "executed" ? "Executed" : "Failed"} in transaction{" "}
            <code className="break-all font-mono text-xs">{view.executedTxHash}</code> (block{" "}
            {view.executedBlock}
            ).
          </p>
        ) : isOpen ? (
          <WalletScope>
            {kitsAtRisk.length > 0 && (
              <p
                role="alert"
                data-testid="kit-nonce-warning"
                className="mb-3 rounded-md border border-amber-600 bg-amber-950/60 px-3 py-2 text-sm text-amber-100"
              >
                Executing this uses nonce {view.nonce}, the last armed nonce of{" "}
                {kitsAtRisk.map((k, index) => (
                  <span key={k.id}>
                    {index > 0 ? ", " : ""}
                    <Link href={`/readiness/${k.id}`} className="font-semibold underline">
                      {k.name}
                    </Link>
                  </span>
                ))}
                : until its owners re-sign the ladder, there is no pre-signed pause.
              </p>
            )}
            <ProposalActions
              proposalId={view.id}
              chainId={view.chainId}
              chainName={chain?.name ?? `chain ${view.chainId}`}
              safeAddress={view.safe.address}
              fields={fields}
              owners={view.safe.owners.map((o) => o.address)}
              signed={view.signatures.map((s) => s.owner)}
              state={view.state}
              count={view.progress.count}
              threshold={view.progress.threshold}
              canAct={hasRole(actor.role, "responder")}
              isRejection={view.isRejection}
            />
          </WalletScope>
        ) : (
          <p className="text-sm text-zinc-400">This proposal is {view.state}: nothing to sign or execute.</p>
        )}
        {view.executingSince && !view.executedTxHash && (
          <p className="mt-2 text-sm text-amber-300">
            Execution in progress since <UtcTime at={view.executingSince} />.
          </p>
        )}
      </section>
    </article>
  );
}
