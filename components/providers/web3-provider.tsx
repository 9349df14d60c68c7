"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type State, WagmiProvider } from "wagmi";
import { createWagmiConfig, type PublicChain } from "@/lib/chain/browser";

export function Web3Provider({
  chains,
  initialState,
  children,
}: {
  chains: PublicChain[];
  initialState?: State;
  children: ReactNode;
}) {
  const [config] = useState(() => createWagmiConfig(chains));
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000 } } }),
  );
  return (
    <WagmiProvider config={config} initialState={initialState}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </WagmiProvider>
  );
}
