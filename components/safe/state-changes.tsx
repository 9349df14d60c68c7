import type { StateChange } from "@/lib/safe/browser";

/**
 * What the transaction changes, from the simulation: each read the runbook verifies, before → after the
 * calls in one simulated block, and whether "after" is what the runbook expects.
 */
export function StateChanges({ changes }: { changes: StateChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul
      className="space-y-1 text-sm"
      data-testid="state-changes"
      aria-label="State changes in the simulation"
    >
      {changes.map((change) => {
        const isExpected =
          change.expected === null || change.after === null
            ? null
            : change.after.toLowerCase() === change.expected.toLowerCase();
        const isChanged = change.before !== change.after;
        return (
          <li
            key={`${change.address}-${change.signature}-${change.args.join(",")}`}
            className="flex flex-wrap items-baseline gap-x-3 rounded border border-zinc-800 px-2 py-1"
            data-testid="state-change"
          >
            <span className="min-w-0 break-all">
              <span className="font-semibold">{change.contract}</span>.
              <code className="font-mono text-xs">{change.signature}</code>
              {change.args.length ? <span className="text-zinc-400"> ({change.args.join(", ")})</span> : null}
            </span>
            <span className="font-mono text-xs">
              {change.before ?? "—"}
              <span className={isChanged ? "text-amber-200" : "text-zinc-500"}>
                {" → "}
                <span className={`font-semibold ${isExpected === false ? "text-red-300" : ""}`}>
                  {change.after ?? "reverts"}
                </span>
              </span>
              {isChanged ? "" : <span className="ml-1 font-sans text-zinc-500">(unchanged)</span>}
              {isExpected === true ? (
                <span className="ml-1 font-sans text-emerald-300">✓ as the runbook expects</span>
              ) : null}
              {isExpected === false ? (
                <span className="ml-1 font-sans text-red-300">(runbook expects {change.expected})</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
