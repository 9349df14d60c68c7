"use client";

import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import type { PublicChain } from "@/lib/chain/wagmi-config";
import { type LiveContract, LiveContractTable } from "./live-contract-table";
import { TimelockCard, type TimelockCardProps } from "./timelock-card";

export type ChainReadsProps = {
  chains: PublicChain[];
  timelocks: (TimelockCardProps & { id: string; chainId: number })[];
  contracts: LiveContract[];
};

// React.lazy, not next/dynamic: next/dynamic preloads its chunk from the page's <head>, and these reads
// (wagmi, viem and TanStack Query, ~45 KB gzipped) should not compete with the incident for the network
// and the main thread while the page loads.
const LiveChainReads = lazy(() => import("./incident-chain-reads-live"));

/**
 * The incident's timelock countdowns and live contract state, read from the chain in the browser once this
 * part of the page is on screen (on a phone it is far below the timeline). Until then, and on the server,
 * the same markup shows the values as unknown, so nothing moves when they arrive.
 */
export function IncidentChainReads(props: ChainReadsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isOnScreen, setIsOnScreen] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setIsOnScreen(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  if (props.timelocks.length === 0 && props.contracts.length === 0) return null;
  const placeholder = (
    <ChainReadsLayout
      timelocks={props.timelocks.map(({ id, chainId: _, ...card }) => (
        <TimelockCard key={id} {...card} now={null} />
      ))}
      live={<LiveContractTable contracts={props.contracts} values={[]} note="Reading…" />}
      hasLive={props.contracts.length > 0}
    />
  );
  return (
    <div ref={ref} className="space-y-4" data-testid="chain-reads" data-loaded={isOnScreen}>
      {isOnScreen ? (
        <Suspense fallback={placeholder}>
          <LiveChainReads {...props} />
        </Suspense>
      ) : (
        placeholder
      )}
    </div>
  );
}

export function ChainReadsLayout({
  timelocks,
  live,
  hasLive,
}: {
  timelocks: ReactNode[];
  live: ReactNode;
  hasLive: boolean;
}) {
  return (
    <>
      {timelocks}
      {hasLive && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-300">Live contract state</h3>
          {live}
        </div>
      )}
    </>
  );
}
