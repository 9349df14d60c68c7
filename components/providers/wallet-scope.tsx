import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { listPublicChains } from "@/lib/chain";
import { createWagmiConfig } from "@/lib/chain/browser";
import { env } from "@/lib/env";
import { Web3Provider } from "./web3-provider";

/**
 * wagmi for the part of a page that uses a wallet (sign-in, signing a proposal): the registry's chains, and
 * the connection state from the request's cookie so the page renders connected on the server too.
 */
export async function WalletScope({ children }: { children: ReactNode }) {
  const chains = await listPublicChains();
  // A WalletConnect project id is public by design (every dapp ships its own): it may reach the browser.
  const options = { walletConnectProjectId: env().BREAKGLASS_WALLETCONNECT_PROJECT_ID ?? null };
  const initialState = cookieToInitialState(
    createWagmiConfig(chains, options),
    (await headers()).get("cookie"),
  );
  return (
    <Web3Provider chains={chains} options={options} initialState={initialState}>
      {children}
    </Web3Provider>
  );
}
