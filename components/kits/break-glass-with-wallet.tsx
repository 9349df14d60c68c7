"use client";

import { Web3Provider } from "@/components/providers/web3-provider";
import type { PublicChain } from "@/lib/chain/browser";
import { BreakGlassButton } from "./break-glass-button";

/** The break-glass button with its own wallet context, loaded on demand by IncidentBreakGlass. */
export default function BreakGlassWithWallet(props: {
  chains: PublicChain[];
  kitId: string;
  incident: string;
  hasExecutor: boolean;
}) {
  return (
    <Web3Provider chains={props.chains}>
      <BreakGlassButton kitId={props.kitId} incident={props.incident} hasExecutor={props.hasExecutor} />
    </Web3Provider>
  );
}
