import { UtcTime } from "@/components/incidents/utc-time";
import { DEFERRED_SIMULATION_TEXT, isDeferredSimulation, type StoredSimulation } from "@/lib/safe/browser";

/**
 * Per-call result of the last simulation, with the decoded revert and who holds a missing role; or, for a
 * proposal prepared while the chain was unreachable, that it has not been simulated yet and against what.
 */
export function SimulationResult({ simulation, calls }: { simulation: StoredSimulation; calls: string[] }) {
  if (isDeferredSimulation(simulation))
    return (
      <div
        data-testid="simulation"
        data-deferred="true"
        className="space-y-1 rounded-lg border border-amber-600/70 bg-amber-950/30 p-3 text-sm"
      >
        <p className="font-semibold text-amber-200">⚠ {DEFERRED_SIMULATION_TEXT}</p>
        <p className="text-amber-100/80">
          Prepared against the last known owners ({simulation.basis.threshold} of {simulation.basis.owners})
          and nonce {simulation.basis.nonce}
          {simulation.basis.readAt && (
            <>
              , read <UtcTime at={simulation.basis.readAt} />
            </>
          )}
          . The hashes below need no chain: compare and sign as usual.
        </p>
      </div>
    );
  return (
    <div
      data-testid="simulation"
      data-success={simulation.isSuccess}
      className={`space-y-2 rounded-lg border p-3 text-sm ${simulation.isSuccess ? "border-emerald-700/60" : "border-red-600/70 bg-red-950/30"}`}
    >
      <p className={`font-semibold ${simulation.isSuccess ? "text-emerald-300" : "text-red-300"}`}>
        {simulation.isSuccess ? "✓ " : "✗ "}
        {simulation.summary}
      </p>
      <ul className="space-y-1">
        {simulation.calls.map((call) => (
          <li key={call.index} className={call.isSuccess ? "text-zinc-300" : "text-red-200"}>
            {call.index + 1}. {calls[call.index] ?? "call"}:{" "}
            {call.isSuccess ? `ok, gas ${call.gasUsed}` : call.revert?.message}
            {call.revert?.missingRole && call.revert.missingRole.holders.length > 0 && (
              <span className="block text-amber-200">
                Propose it from {call.revert.missingRole.holders.map((h) => h.label).join(" or ")} instead.
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="text-xs text-zinc-500">
        From the Safe's address at block {simulation.blockNumber} ({simulation.method}),{" "}
        {simulation.at.slice(11, 16)} UTC.
      </p>
    </div>
  );
}
