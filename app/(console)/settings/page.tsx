import type { Metadata } from "next";
import { MembersPanel } from "@/components/settings/members-panel";
import { requirePageMember } from "@/lib/auth";
import { listChains } from "@/lib/chain/list-chains";
import { db } from "@/lib/db";
import { listMembers } from "@/lib/members";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requirePageMember("viewer");
  const [members, chains, contracts, safes] = await Promise.all([
    listMembers(),
    listChains(),
    db().contract.findMany({ orderBy: { name: "asc" } }),
    db().safe.findMany({ orderBy: { label: "asc" } }),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-2 text-lg font-semibold">
          Members
        </h2>
        <MembersPanel
          members={members.map(({ id, address, displayName, role }) => ({ id, address, displayName, role }))}
          isAdmin={actor.role === "admin"}
        />
      </section>
      <section aria-labelledby="registry-heading">
        <h2 id="registry-heading" className="mb-2 text-lg font-semibold">
          Registry
        </h2>
        <ul className="space-y-1 text-sm">
          {chains.map((chain) => (
            <li key={chain.id}>
              Chain <span className="font-mono">{chain.id}</span> {chain.name} · {chain.rpcUrls.length} RPC
              URL(s)
            </li>
          ))}
          {contracts.map((contract) => (
            <li key={contract.id}>
              {contract.name} <span className="font-mono text-xs text-zinc-400">{contract.address}</span>
            </li>
          ))}
          {safes.map((safe) => (
            <li key={safe.id}>
              Safe {safe.label} <span className="font-mono text-xs text-zinc-400">{safe.address}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
