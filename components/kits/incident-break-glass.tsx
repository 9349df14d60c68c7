"use client";

import { lazy, Suspense } from "react";
import type { PublicChain } from "@/lib/chain/browser";

// wagmi and viem are a third of the incident page's JavaScript: they load with the first armed kit shown,
// never for an incident page without one (the page's weight and Lighthouse budget are measured without kits).
const BreakGlassWithWallet = lazy(() => import("./break-glass-with-wallet"));

export function IncidentBreakGlass(props: {
  chains: PublicChain[];
  kitId: string;
  incident: string;
  hasExecutor: boolean;
}) {
  return (
    <Suspense
      fallback={
        <button
          type="button"
          disabled
          className="min-h-11 rounded-md bg-red-600 px-3 py-2 text-sm font-semibold opacity-50"
        >
          Break glass
        </button>
      }
    >
      <BreakGlassWithWallet {...props} />
    </Suspense>
  );
}
