"use client";

import { useReadContracts } from "wagmi";
import { formatLiveValue } from "@/lib/chain/format-live-value";
import { type LiveContract, LiveContractTable, liveReadRows } from "./live-contract-table";
import { LIVE_READ_ABI } from "./live-reads";

/** The protocol's emergency state, read from the chain every few seconds (through /api/rpc). */
export function LiveContractState({ contracts }: { contracts: LiveContract[] }) {
  const rows = liveReadRows(contracts);
  const { data, isError, dataUpdatedAt } = useReadContracts({
    contracts: rows.map(({ contract, functionName }) => ({
      address: contract.address,
      chainId: contract.chainId,
      abi: LIVE_READ_ABI,
      functionName: functionName as (typeof LIVE_READ_ABI)[number]["name"],
    })),
    query: { refetchInterval: 3_000 },
  });
  return (
    <LiveContractTable
      contracts={contracts}
      values={(data ?? []).map((result, index) =>
        result.status === "success"
          ? formatLiveValue(rows[index]!.functionName, result.result)
          : { text: "read failed", raw: result.error?.message ?? "" },
      )}
      note={
        isError
          ? "The chain did not answer; retrying."
          : dataUpdatedAt
            ? `Read at ${new Date(dataUpdatedAt).toISOString().slice(11, 19)} UTC`
            : "Reading…"
      }
    />
  );
}
