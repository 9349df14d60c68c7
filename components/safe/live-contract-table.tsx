import type { Address } from "viem";

export type LiveContract = { name: string; address: Address; chainId: number; reads: string[] };

/** One row per (contract, read), in the order the reads are asked for. */
export function liveReadRows(contracts: LiveContract[]) {
  return contracts.flatMap((contract) => contract.reads.map((functionName) => ({ contract, functionName })));
}

export type LiveValue = { text: string; raw: string };

/** The live contract state: `values[i]` of row i (the exact value on hover), "…" while unknown. */
export function LiveContractTable({
  contracts,
  values,
  note,
}: {
  contracts: LiveContract[];
  values: (LiveValue | undefined)[];
  note: string;
}) {
  const rows = liveReadRows(contracts);
  if (rows.length === 0) return null;
  return (
    <div className="space-y-1">
      <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800 text-sm">
        {rows.map((row, index) => {
          const value = values[index]?.text ?? "…";
          const raw = values[index]?.raw;
          const isAlarm =
            (row.functionName === "isGloballyPaused" || row.functionName === "paused") && value === "true";
          return (
            <li
              key={`${row.contract.address}-${row.functionName}`}
              className="flex flex-wrap justify-between gap-2 px-3 py-2"
            >
              <span className="text-zinc-400">
                {row.contract.name}.<code className="font-mono text-zinc-200">{row.functionName}()</code>
              </span>
              <span
                data-testid={`live-${row.contract.name}-${row.functionName}`}
                title={raw !== undefined && raw !== value ? raw : undefined}
                className={`font-mono tabular-nums ${isAlarm ? "font-semibold text-amber-300" : "text-zinc-100"}`}
              >
                {value}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-zinc-500">{note}</p>
    </div>
  );
}
