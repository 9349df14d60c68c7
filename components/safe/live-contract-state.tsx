"use client";

import type { Address } from "viem";
import { useReadContracts } from "wagmi";
import { LIVE_READ_ABI } from "./live-reads";

export type LiveContract = { name: string; address: Address; chainId: number; reads: string[] };

/** The protocol's emergency state, read from the chain every few seconds (through /api/rpc). */
export function LiveContractState({ contracts }: { contracts: LiveContract[] }) {
  const list = contracts.flatMap((contract) =>
    contract.reads.map((functionName) => ({
      contract,
      functionName,
      query: {
        address: contract.address,
        chainId: contract.chainId,
        abi: LIVE_READ_ABI,
        functionName: functionName as (typeof LIVE_READ_ABI)[number]["name"],
      },
    })),
  );
  const { data, isError, dataUpdatedAt } = useReadContracts({
    contracts: list.map((item) => item.query),
    query: { refetchInterval: 3_000 },
  });
  if (list.length === 0) return null;
  return (
    <div className="space-y-1">
      <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800 text-sm">
        {list.map((item, index) => {
          const result = data?.[index];
          const value = result?.status === "success" ? String(result.result) : result ? "read failed" : "…";
          const isAlarm =
            (item.functionName === "isGloballyPaused" || item.functionName === "paused") && value === "true";
          return (
            <li
              key={`${item.contract.address}-${item.functionName}`}
              className="flex flex-wrap justify-between gap-2 px-3 py-2"
            >
              <span className="text-zinc-400">
                {item.contract.name}.<code className="font-mono text-zinc-200">{item.functionName}()</code>
              </span>
              <span
                data-testid={`live-${item.contract.name}-${item.functionName}`}
                className={`font-mono tabular-nums ${isAlarm ? "font-semibold text-amber-300" : "text-zinc-100"}`}
              >
                {value}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-zinc-500">
        {isError
          ? "The chain did not answer; retrying."
          : dataUpdatedAt
            ? `Read at ${new Date(dataUpdatedAt).toISOString().slice(11, 19)} UTC`
            : "Reading…"}
      </p>
    </div>
  );
}
