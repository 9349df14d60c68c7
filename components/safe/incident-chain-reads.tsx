"use client";

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { PublicChain } from "@/lib/chain/browser";
import type { LiveReadout } from "./incident-chain-reader";
import { type LiveContract, LiveContractTable } from "./live-contract-table";
import { TimelockCard, type TimelockCardProps } from "./timelock-card";

export type ChainReadsProps = {
  chains: PublicChain[];
  timelocks: (TimelockCardProps & { id: string; chainId: number })[];
  contracts: LiveContract[];
};

// React.lazy, not next/dynamic: next/dynamic preloads its chunk from the page's <head>, and the reader
// (wagmi, viem and TanStack Query, ~45 KB gzipped) should not compete with the incident for the network and
// the main thread while the page loads.
const IncidentChainReader = lazy(() => import("./incident-chain-reader"));

/**
 * The incident's timelock countdowns and live contract state. The server renders them with the values
 * unknown; once this part of the page is on screen (on a phone it is far below the timeline) the reader
 * loads and fills the values in, in the same elements, so nothing moves or is replaced under a finger.
 */
export function IncidentChainReads(props: ChainReadsProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [isOnScreen, setIsOnScreen] = useState(false);
  const [chainTime, setChainTime] = useState<Record<number, number>>({});
  const [live, setLive] = useState<LiveReadout>({ values: [], note: "Reading…" });
  const onChainTime = useCallback(
    (chainId: number, seconds: number) =>
      setChainTime((current) =>
        current[chainId] === seconds ? current : { ...current, [chainId]: seconds },
      ),
    [],
  );
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
  return (
    <div ref={ref} className="space-y-4" data-testid="chain-reads" data-loaded={isOnScreen}>
      {isOnScreen && (
        <Suspense fallback={null}>
          <IncidentChainReader
            chains={props.chains}
            chainIds={[...new Set(props.timelocks.map((timelock) => timelock.chainId))]}
            contracts={props.contracts}
            onChainTime={onChainTime}
            onLive={setLive}
          />
        </Suspense>
      )}
      {props.timelocks.map(({ id, chainId, ...card }) => (
        <TimelockCard key={id} {...card} now={chainTime[chainId] ?? null} />
      ))}
      {props.contracts.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold text-zinc-300">Live contract state</h3>
          <LiveContractTable contracts={props.contracts} values={live.values} note={live.note} />
        </div>
      )}
    </div>
  );
}
