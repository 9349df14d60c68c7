import type { Metadata } from "next";
import { ExecutorKeyPanel } from "@/components/kits/executor-key-panel";
import { requirePageMember } from "@/lib/auth";
import { listChains } from "@/lib/chain";
import { getExecutorView } from "@/lib/kits";

export const metadata: Metadata = { title: "Executor key" };
export const dynamic = "force-dynamic";

/** The key the server breaks the glass with when no wallet is at hand: address and balances only, never the key. */
export default async function ExecutorSettingsPage() {
  await requirePageMember("admin");
  const chains = await listChains();
  const executor = await getExecutorView(
    chains.filter((c) => c.drillSourceChainId === null).map((c) => c.id),
  );
  return (
    <section className="space-y-4" aria-labelledby="executor-heading">
      <h1 id="executor-heading" className="text-2xl font-semibold">
        Executor key
      </h1>
      <p className="max-w-2xl text-sm text-zinc-400">
        Any funded account can execute a pre-signed kit: the owners' signatures are what authorise it. Keep a
        small balance here (gas for a pause or two) and nothing else; the key is encrypted at rest and never
        shown again. Automatic break glass needs it.
      </p>
      <ExecutorKeyPanel
        executor={
          executor
            ? {
                label: executor.label,
                address: executor.address,
                balances: executor.balances.map((b) => ({
                  chain: chains.find((c) => c.id === b.chainId)?.name ?? `chain ${b.chainId}`,
                  ether: b.ether,
                })),
              }
            : null
        }
      />
    </section>
  );
}
