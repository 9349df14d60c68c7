import type { StateChange } from "@/lib/safe/browser";

/**
 * What the transaction changes, from the simulation: each read the runbook verifies, before → after the
 * calls in one simulated block, and whether "after" is what the runbook expects.
 */
export function StateChanges({ changes }: { changes: StateChange[] }) {
  if (changes.length === 0) return null;
  return (
    <table className="w-full text-left text-sm" data-testid="state-changes">
      <caption className="sr-only">State changes in the simulation</caption>
      <thead className="text-xs text-zinc-400">
        <tr>
          <th className="py-1 pr-2 font-normal">Read</th>
          <th className="py-1 pr-2 font-normal">Before</th>
          <th className="py-1 pr-2 font-normal">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => {
          const isExpected =
            change.expected === null || change.after === null
              ? null
              : change.after.toLowerCase() === change.expected.toLowerCase();
          return (
            <tr
              key={`${change.address}-${change.signature}-${change.args.join(",")}`}
              className="border-t border-zinc-800 align-top"
              data-testid="state-change"
            >
              <td className="py-1 pr-2">
                <span className="font-semibold">{change.contract}</span>.
                <code className="font-mono text-xs">{change.signature}</code>
                {change.args.length ? (
                  <span className="text-zinc-400"> ({change.args.join(", ")})</span>
                ) : null}
              </td>
              <td className="py-1 pr-2 font-mono text-xs">{change.before ?? "—"}</td>
              <td
                className={`py-1 pr-2 font-mono text-xs font-semibold ${isExpected === false ? "text-red-300" : change.after !== change.before ? "text-amber-200" : ""}`}
              >
                {change.before !== change.after ? "→ " : ""}
                {change.after ?? "reverts"}
                {isExpected === true ? (
                  <span className="ml-1 font-sans text-emerald-300">✓ expected</span>
                ) : null}
                {isExpected === false ? (
                  <span className="ml-1 font-sans">(runbook expects {change.expected})</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
