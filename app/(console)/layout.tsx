import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { DeclareIncidentDialog } from "@/components/incidents/declare-incident-dialog";
import { Web3Provider } from "@/components/providers/web3-provider";
import { ConsoleNav } from "@/components/shell/console-nav";
import { DatabaseDownShell, DegradedBanner } from "@/components/shell/degraded-banner";
import { type Actor, hasRole, requirePageMember } from "@/lib/auth";
import { listPublicChains } from "@/lib/chain/public-chains";
import { createWagmiConfig } from "@/lib/chain/wagmi-config";
import { isDatabaseDown } from "@/lib/db/is-database-down";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  let member: Actor;
  let chains: Awaited<ReturnType<typeof listPublicChains>>;
  try {
    member = await requirePageMember("viewer");
    chains = await listPublicChains();
  } catch (error) {
    // Database down: a clear notice that retries by itself, not an error page (redirects still propagate).
    if (isDatabaseDown(error)) return <DatabaseDownShell />;
    throw error;
  }
  // wagmi's SSR state comes from the request's cookie, read here per request rather than in the root layout.
  const initialState = cookieToInitialState(createWagmiConfig(chains), (await headers()).get("cookie"));
  return (
    <Web3Provider chains={chains} initialState={initialState}>
      <div className="flex min-h-screen flex-col md:flex-row">
        <ConsoleNav member={{ name: member.name, address: member.address ?? "", role: member.role }} />
        <main className="min-w-0 flex-1 p-4 md:p-6">
          <DegradedBanner />
          {children}
        </main>
        <DeclareIncidentDialog canDeclare={hasRole(member.role, "responder")} />
      </div>
    </Web3Provider>
  );
}
