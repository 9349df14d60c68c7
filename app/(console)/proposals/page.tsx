import type { Metadata } from "next";
import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { ProposalStateBadge, SignatureProgress } from "@/components/safe/proposal-state-badge";
import { requirePageMember } from "@/lib/auth";
import { isOpenProposalState, listProposals } from "@/lib/safe";

export const metadata: Metadata = { title: "Proposals" };
export const dynamic = "force-dynamic";

/** Every Safe proposal across incidents: what waits for signatures, what is ready, what conflicts. */
export default async function ProposalsPage() {
  await requirePageMember("viewer");
  const proposals = await listProposals();
  const open = proposals.filter((p) => isOpenProposalState(p.state));
  const closed = proposals.filter((p) => !isOpenProposalState(p.state));
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Safe proposals</h1>
      {[
        { title: "Waiting", rows: open, empty: "Nothing waits for signatures." },
        { title: "Done", rows: closed, empty: "No executed, stale or rejected proposals yet." },
      ].map((group) => (
        <div key={group.title} className="space-y-2">
          <h2 className="text-lg font-semibold text-zinc-300">{group.title}</h2>
          {group.rows.length === 0 ? (
            <p className="text-sm text-zinc-400">{group.empty}</p>
          ) : (
            <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
              {group.rows.map((p) => (
                <li
                  key={p.id}
                  data-testid="proposal-row"
                  className="grid gap-1 p-3 text-sm sm:grid-cols-[1fr_auto] sm:items-center"
                >
                  <div className="min-w-0">
                    <Link href={`/proposals/${p.id}`} className="font-semibold hover:underline">
                      {p.title}
                    </Link>
                    <p className="text-xs text-zinc-400">
                      {p.incident ? `${p.incident.ref} · ${p.incident.title}` : "Drill"} · {p.safe.label} ·
                      nonce {p.nonce} · <UtcTime at={p.createdAt} withDate />
                      {p.isDelegateCall && (
                        <span className="ml-1 font-semibold text-red-300">· DELEGATECALL</span>
                      )}
                      {p.conflictCount > 0 && group.rows === open && (
                        <span className="ml-1 font-semibold text-amber-300">
                          · conflicts with {p.conflictCount} other proposal(s) at this nonce
                        </span>
                      )}
                    </p>
                  </div>
                  <div className="flex items-center gap-3">
                    <ProposalStateBadge state={p.state} />
                    <SignatureProgress count={p.progress.count} threshold={p.progress.threshold} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}
