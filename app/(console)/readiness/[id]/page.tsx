import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UtcTime } from "@/components/incidents/utc-time";
import { BreakGlassButton } from "@/components/kits/break-glass-button";
import { KitAutomationForm } from "@/components/kits/kit-automation-form";
import { KitStateBadge } from "@/components/kits/kit-state-badge";
import { KitVaultExport } from "@/components/kits/kit-vault-export";
import { RetireKitForm } from "@/components/kits/retire-kit-form";
import { SignLadder } from "@/components/kits/sign-ladder";
import { WalletScope } from "@/components/providers/wallet-scope";
import { hasRole, requirePageMember } from "@/lib/auth";
import {
  describeChange,
  describeOutstandingCopies,
  getExecutorView,
  listKitEvents,
  readReadiness,
  summarizeKitLog,
} from "@/lib/kits";
import { safeTxWithoutRefund } from "@/lib/safe";

export const metadata: Metadata = { title: "Emergency kit" };
export const dynamic = "force-dynamic";

/**
 * One kit: what it does, its simulation now, the ladder (who signed which nonce, when), sign, break glass,
 * and its audit log. A retired kit shows what it was, why it was retired and what may still be out there.
 */
export default async function KitPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ incident?: string }>;
}) {
  const actor = await requirePageMember("viewer");
  const { id } = await params;
  const { incident } = await searchParams;
  const [entry] = await readReadiness({ id, includeRetired: true });
  if (!entry) notFound();
  const { kit, readiness, error } = entry;
  const [executor, events] = await Promise.all([
    getExecutorView([kit.safe.chainId]),
    listKitEvents(kit.id, 50),
  ]);
  const retirement = kit.retired ? events.find((e) => e.kind === "kit.retired") : undefined;
  const outstanding = retirement ? describeOutstandingCopies(retirement.payload) : null;
  const { nonce: _nonce, ...tx } = safeTxWithoutRefund(kit.tx, 0);
  const row = readiness?.chain;
  return (
    <article className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{kit.name}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <KitStateBadge state={kit.retired ? "RETIRED" : (readiness?.state ?? null)} />
          <span className="text-zinc-400">{kit.safe.label}</span>
          {readiness?.reason && <span data-testid="kit-reason">{readiness.reason}</span>}
        </div>
        {error && <p className="text-sm text-red-300">{error}</p>}
        {kit.retired && (
          <div data-testid="kit-retired" className="space-y-1 rounded border border-zinc-700 p-3 text-sm">
            <p>
              Retired <UtcTime at={kit.retired.at} />
              {kit.retired.by ? ` by ${kit.retired.by}` : ""}: {kit.retired.reason}
            </p>
            <p className="text-zinc-400">
              It is not offered on incidents and cannot be signed, exported or run; its stored signatures were
              destroyed.
              {outstanding ? (
                <>
                  {" "}
                  <strong className="text-amber-200">{outstanding}</strong> Destroy the files, or move the
                  nonce past them with any transaction from the Safe.
                </>
              ) : null}
            </p>
          </div>
        )}
        {readiness && (
          <p className="text-sm text-zinc-400">
            To do: {readiness.todo}. Read at block {readiness.chain.blockNumber}
            {kit.lastCheckedAt && (
              <>
                ; last background recheck <UtcTime at={kit.lastCheckedAt} />
              </>
            )}
            .
          </p>
        )}
      </header>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">What it does</h2>
        <ol className="space-y-1 text-sm">
          {kit.calls.map((call, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a kit's calls never reorder.
            <li key={index} data-testid="kit-call">
              <code className="font-mono text-amber-200">{call.signature}</code> on {call.contract ?? call.to}
            </li>
          ))}
        </ol>
        {readiness && (
          <p
            data-testid="kit-simulation"
            data-success={String(readiness.simulation.isSuccess)}
            className="text-sm"
          >
            Simulation from the Safe now: {readiness.simulation.summary}
            {readiness.simulation.changes.length > 0 && (
              <span className="block text-zinc-300">
                {readiness.simulation.changes.map(describeChange).join("; ")}
              </span>
            )}
          </p>
        )}
      </section>

      {readiness && row && (
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">
            Nonce ladder <span className="text-sm text-zinc-400">(threshold {row.threshold})</span>
          </h2>
          <table className="w-full text-left text-sm" data-testid="kit-ladder">
            <thead className="text-zinc-400">
              <tr>
                <th className="py-1">Nonce</th>
                <th>Signed by</th>
                <th>Armed</th>
              </tr>
            </thead>
            <tbody>
              {readiness.ladder.map((step) => (
                <tr key={step.nonce} className="border-t border-zinc-800">
                  <td className="py-1 tabular-nums">{step.nonce}</td>
                  <td>
                    {step.signers.map((s) => (
                      <span key={s.owner} className="mr-3 font-mono text-xs">
                        {s.owner.slice(0, 8)}… <UtcTime at={s.at} />
                      </span>
                    ))}
                  </td>
                  <td>{step.isArmed ? "✓" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {hasRole(actor.role, "responder") && (
            <WalletScope>
              <SignLadder
                kitId={kit.id}
                chainId={kit.safe.chainId}
                safeAddress={kit.safe.address}
                tx={tx}
                owners={row.owners}
                steps={readiness.ladder.map((s) => ({
                  nonce: s.nonce,
                  signers: s.signers.map((x) => x.owner),
                }))}
              />
            </WalletScope>
          )}
        </section>
      )}

      {hasRole(actor.role, "responder") && readiness && readiness.state !== "STALE" && (
        <section className="space-y-2 rounded-lg border border-red-800 p-4">
          <h2 className="text-lg font-semibold">Break glass</h2>
          <WalletScope>
            <BreakGlassButton kitId={kit.id} incident={incident} hasExecutor={executor !== null} />
          </WalletScope>
          {executor && (
            <p className="text-xs text-zinc-400">
              Executor key {executor.label}: <code className="font-mono">{executor.address}</code>, balance{" "}
              {executor.balances[0]?.ether ?? "unknown"} ETH
            </p>
          )}
        </section>
      )}
      {hasRole(actor.role, "commander") && !kit.retired && (
        <section className="grid gap-4 rounded-lg border border-zinc-800 p-4 md:grid-cols-2">
          <div className="space-y-2">
            <h2 className="text-lg font-semibold">Automatic break glass</h2>
            <KitAutomationForm
              kitId={kit.id}
              isAutoEnabled={kit.isAutoEnabled}
              autoCooldownSeconds={kit.autoCooldownSeconds}
              canAutomate={kit.isPauseLike && executor !== null}
              why={
                !kit.isPauseLike
                  ? "Only a pause can run automatically."
                  : executor === null
                    ? "It needs an executor key (Settings → Executor key)."
                    : null
              }
            />
          </div>
          <div className="space-y-2">
            <h2 className="text-lg font-semibold">Offline vault</h2>
            <KitVaultExport kitId={kit.id} />
          </div>
        </section>
      )}
      {hasRole(actor.role, "commander") && !kit.retired && (
        <section className="rounded-lg border border-red-900/60 p-4">
          <RetireKitForm kitId={kit.id} storedSignatures={kit.signatures.length} />
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Audit log</h2>
        <ol className="space-y-1 text-sm" data-testid="kit-audit-log">
          {summarizeKitLog(events).map((line) => (
            <li key={line.id} className="flex flex-wrap gap-x-2 break-words">
              <UtcTime at={line.createdAt} />
              <span className="text-zinc-400">{line.authorLabel}</span>
              <span className="min-w-0">{line.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
