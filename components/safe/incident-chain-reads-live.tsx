"use client";

import { Web3Provider } from "@/components/providers/web3-provider";
import { ChainReadsLayout, type ChainReadsProps } from "./incident-chain-reads";
import { LiveContractState } from "./live-contract-state";
import { TimelockCountdown } from "./timelock-countdown";

/** Loaded lazily by IncidentChainReads: everything here pulls in wagmi and viem. */
export default function IncidentChainReadsLive({ chains, timelocks, contracts }: ChainReadsProps) {
  return (
    <Web3Provider chains={chains}>
      <ChainReadsLayout
        timelocks={timelocks.map(({ id, ...timelock }) => <TimelockCountdown key={id} {...timelock} />)}
        live={<LiveContractState contracts={contracts} />}
        hasLive={contracts.length > 0}
      />
    </Web3Provider>
  );
}
