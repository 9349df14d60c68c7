"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { type State, useAccount, WagmiProvider } from "wagmi";
import { createWagmiConfig, type PublicChain, type WalletOptions } from "@/lib/chain/browser";

export function Web3Provider({
  chains,
  options,
  initialState,
  children,
}: {
  chains: PublicChain[];
  options?: WalletOptions;
  initialState?: State;
  children: ReactNode;
}) {
  const [config] = useState(() => createWagmiConfig(chains, options));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } }),
  );
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <WalletStatusMarker />
        {children}
      </QueryClientProvider>
    </WagmiProvider>
  );
}

/**
 * The page renders "connected" from the wagmi cookie before the browser has asked the wallet; wagmi then
 * reconnects or drops it. `<html data-wallet>` says which, once settled: what a test (or a support script)
 * waits for before it decides whether to press "Connect wallet".
 */
function WalletStatusMarker() {
  const { status } = useAccount();
  useEffect(() => {
    document.documentElement.dataset.wallet = status;
  }, [status]);
  return null;
}
