import type { Metadata } from "next";
import { UtcTime } from "@/components/incidents/utc-time";
import { AddressLabel } from "@/components/safe/address-label";
import { RefreshSafeButton, RegistryForms } from "@/components/safe/registry-forms";
import { requirePageMember } from "@/lib/auth";
import { listMembers } from "@/lib/members";
import { listRegistry } from "@/lib/safe";

export const metadata: Metadata = { title: "Chains, contracts, Safes" };

/** The registry: chains, contracts, and Safes with owners, threshold, nonce and roles as last read from the chain. */
export default async function RegistryPage() {
  const actor = await requirePageMember("viewer");
  const [registry, members] = await Promise.all([listRegistry(), listMembers()]);
  const memberName = (address: string) =>
    members.find((m) => m.address.toLowerCase() === address.toLowerCase())?.displayName ?? null;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Chains, contracts, Safes</h1>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Chains</h2>
        <ul className="space-y-1 text-sm">
          {registry.chains.map((chain) => (
            <li key={chain.id}>
              <span className="font-semibold">{chain.name}</span>{" "}
              <span className="text-zinc-400">
                · id {chain.id} · {chain.rpcCount} RPC URL(s) (kept on the server) · Safe contracts:{" "}
                {chain.hasSafeContracts ? "configured" : "official deployments"}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Contracts</h2>
        <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
          {registry.contracts.map((c) => (
            <li key={c.id} className="space-y-1 p-3 text-sm" data-testid="registry-contract">
              <AddressLabel address={c.address} name={c.name} />
              <p className="text-xs text-zinc-400">
                chain {c.chainId} · {c.functionCount} functions in ABI
                {c.placeholders.length > 0 && ` · runbooks say ${c.placeholders.join(", ")}`}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Safes</h2>
        <ul className="space-y-3">
          {registry.safes.map((s) => (
            <li
              key={s.id}
              className="space-y-2 rounded-lg border border-zinc-800 p-3 text-sm"
              data-testid="registry-safe"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <AddressLabel address={s.address} name={s.label} />
                <RefreshSafeButton safeId={s.id} />
              </div>
              <p>
                Threshold{" "}
                <span className="font-semibold" data-testid="safe-threshold">
                  {s.threshold ?? "?"} of {s.owners.length}
                </span>{" "}
                · nonce <span className="font-semibold tabular-nums">{s.nonce ?? "?"}</span>
                {s.readAt && (
                  <span className="text-xs text-zinc-500">
                    {" "}
                    · read from chain <UtcTime at={s.readAt} />
                  </span>
                )}
              </p>
              <ul className="space-y-1">
                {s.owners.map((owner) => (
                  <li key={owner}>
                    <AddressLabel address={owner} name={memberName(owner)} />
                  </li>
                ))}
              </ul>
              <p className="text-zinc-300" data-testid="safe-roles">
                Roles:{" "}
                {s.roles.length
                  ? s.roles.map((r) => `${r.role} on ${r.contract}`).join(", ")
                  : "none read yet (refresh)"}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {actor.role === "admin" && (
        <RegistryForms chains={registry.chains.map((c) => ({ id: c.id, name: c.name }))} />
      )}
    </div>
  );
}
