"use client";

import { useBlock } from "wagmi";
import { TimelockCard, type TimelockCardProps } from "./timelock-card";

/** Counts down in chain time; the wall clock can differ (and does on a test chain whose clock was advanced). */
export function TimelockCountdown({ chainId, ...card }: TimelockCardProps & { chainId: number }) {
  const { data: block } = useBlock({ chainId, query: { refetchInterval: 3_000 } });
  return <TimelockCard {...card} now={block ? Number(block.timestamp) : null} />;
}
