import type { Metadata } from "next";
import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { ImportKitForm } from "@/components/kits/import-kit-form";
import { KitStateBadge } from "@/components/kits/kit-state-badge";
import { RecheckKitsButton } from "@/components/kits/recheck-kits-button";
import { hasRole, requirePageMember } from "@/lib/auth";
import { readReadiness } from "@/lib/kits";

export const metadata: Metadata = { title: "Readiness" };
export const dynamic = "force-dynamic";

/** Every emergency kit, its state derived from the chain for this render, and what to do about it. */
export default async function ReadinessPage() {
  const actor = await requirePageMember("viewer");
  const all = await readReadiness({ includeRetired: true });
  const kits = all.filter((entry) => !entry.kit.retired);
  const retired = all.flatMap(({ kit }) => (kit.retired ? [{ ...kit, retired: kit.retired }] : []));
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Readiness</h1>
        <div className="flex flex-wrap items-center gap-2">
          {hasRole(actor.role, "responder") && kits.length > 0 && <RecheckKitsButton />}
          {hasRole(actor.role, "admin") && (
            <Link
              href="/readiness/new"
              className="rounded-md bg-amber-500 px-3 py-2 text-sm font-semibold text-zinc-950 hover:bg-amber-400"
            >
              New kit
            </Link>
          )}
        </div>
      </div>
      {kits.length === 0 && (
        <p className="text-sm text-zinc-400">
          No emergency kits yet: an admin makes one from a runbook's pause action (New kit).
        </p>
      )}
      <ul className="space-y-3">
        {kits.map(({ kit, readiness, error }) => (
          <li key={kit.id} data-testid="kit-row" className="rounded-lg border border-zinc-800 p-3">
            <div className="flex flex-wrap items-center gap-3">
              <Link href={`/readiness/${kit.id}`} className="font-semibold underline">
                {kit.name}
              </Link>
              <KitStateBadge state={readiness?.state ?? null} />
              <span className="text-sm text-zinc-400">{kit.safe.label}</span>
            </div>
            {readiness ? (
              <div className="mt-1 space-y-1 text-sm">
                {readiness.reason && <p data-testid="kit-reason">{readiness.reason}</p>}
                <p className="text-zinc-400">
                  Armed nonces:{" "}
                  <span className="tabular-nums text-zinc-100">
                    {readiness.armedNonces.join(", ") || "none"}
                  </span>
                  {" · "}To do: {readiness.todo}
                </p>
                <p className="text-xs text-zinc-500">
                  Read from the chain at block {readiness.chain.blockNumber}
                  {kit.lastCheckedAt && (
                    <>
                      {" · "}last background recheck <UtcTime at={kit.lastCheckedAt} />
                    </>
                  )}
                </p>
              </div>
            ) : (
              <p className="text-sm text-red-300">{error}</p>
            )}
          </li>
        ))}
      </ul>
      {retired.length > 0 && (
        <details className="text-sm" data-testid="retired-kits">
          <summary className="cursor-pointer text-zinc-400">Retired kits ({retired.length})</summary>
          <ul className="mt-2 space-y-1">
            {retired.map((kit) => (
              <li key={kit.id}>
                <Link href={`/readiness/${kit.id}`} className="underline">
                  {kit.name}
                </Link>{" "}
                <span className="text-zinc-400">
                  ({kit.safe.label}), retired <UtcTime at={kit.retired.at} />: {kit.retired.reason}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {hasRole(actor.role, "commander") && (
        <section className="space-y-2 rounded-lg border border-zinc-800 p-4">
          <h2 className="text-lg font-semibold">Bring a kit back from the vault</h2>
          <ImportKitForm />
        </section>
      )}
    </div>
  );
}
