"use client";

import { useEffect, useMemo } from "react";
import { useBlock, useReadContracts } from "wagmi";
import { Web3Provider } from "@/components/providers/web3-provider";
import type { PublicChain } from "@/lib/chain/browser";
import { formatLiveValue } from "@/lib/chain/browser";
import { type LiveContract, type LiveValue, liveReadRows } from "./live-contract-table";
import { LIVE_READ_ABI } from "./live-reads";

export type LiveReadout = { values: LiveValue[]; note: string };

/**
 * Loaded lazily by IncidentChainReads (everything here pulls in wagmi and viem). It renders nothing: it reads
 * the chain every few seconds (through /api/rpc) and reports, so the cards on the page are updated in place
 * rather than replaced when this arrives.
 */
export default function IncidentChainReader(props: {
  chains: PublicChain[];
  chainIds: number[];
  contracts: LiveContract[];
  onChainTime: (chainId: number, seconds: number) => void;
  onLive: (readout: LiveReadout) => void;
}) {
  return (
    <Web3Provider chains={props.chains}>
      {props.chainIds.map((chainId) => (
        <ChainTime key={chainId} chainId={chainId} onChange={props.onChainTime} />
      ))}
      {props.contracts.length > 0 && <LiveReads contracts={props.contracts} onChange={props.onLive} />}
    </Web3Provider>
  );
}

/** Chain time (the latest block's timestamp) is what a timelock checks; the wall clock can differ. */
function ChainTime({
  chainId,
  onChange,
}: {
  chainId: number;
  onChange: (chainId: number, seconds: number) => void;
}) {
  const { data: block } = useBlock({ chainId, query: { refetchInterval: 3_000 } });
  const seconds = block ? Number(block.timestamp) : null;
  useEffect(() => {
    if (seconds !== null) onChange(chainId, seconds);
  }, [chainId, seconds, onChange]);
  return null;
}

/** The protocol's emergency state: every live read of every registry contract, in the table's row order. */
function LiveReads({
  contracts,
  onChange,
}: {
  contracts: LiveContract[];
  onChange: (readout: LiveReadout) => void;
}) {
  const rows = useMemo(() => liveReadRows(contracts), [contracts]);
  const { data, isError, dataUpdatedAt } = useReadContracts({
    contracts: rows.map(({ contract, functionName }) => ({
      address: contract.address,
      chainId: contract.chainId,
      abi: LIVE_READ_ABI,
      functionName: functionName as (typeof LIVE_READ_ABI)[number]["name"],
    })),
    query: { refetchInterval: 3_000 },
  });
  useEffect(() => {
    onChange({
      values: (data ?? []).map((result, index) =>
        result.status === "success"
          ? formatLiveValue(rows[index]!.functionName, result.result)
          : { text: "read failed", raw: result.error?.message.split("\n")[0] ?? "" },
      ),
      note: isError
        ? "The chain did not answer; retrying."
        : dataUpdatedAt
          ? `Read at ${new Date(dataUpdatedAt).toISOString().slice(11, 19)} UTC`
          : "Reading…",
    });
  }, [rows, data, isError, dataUpdatedAt, onChange]);
  return null;
}
