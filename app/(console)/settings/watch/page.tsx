import type { Metadata } from "next";
import { WatchRulesPanel } from "@/components/settings/watch-rules-panel";
import { requirePageMember } from "@/lib/auth";
import { listSeverityLevels } from "@/lib/incidents";
import { listWatchRules, readWatchStatus } from "@/lib/watch";

export const metadata: Metadata = { title: "Chain watch" };

export default async function WatchSettingsPage() {
  const actor = await requirePageMember("viewer");
  const [rules, levels, status] = await Promise.all([
    listWatchRules(),
    listSeverityLevels(),
    readWatchStatus(),
  ]);
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">Chain watch</h1>
      <section aria-labelledby="watch-status-heading" className="space-y-3">
        <h2 id="watch-status-heading" className="text-lg font-semibold">
          Watchers
        </h2>
        <table className="w-full text-left text-sm" data-testid="watch-status">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">Chain</th>
              <th className="py-1 pr-3 font-medium">State</th>
              <th className="py-1 pr-3 font-medium">Recorded up to</th>
              <th className="py-1 pr-3 font-medium">Head</th>
              <th className="py-1 pr-3 font-medium">Last error</th>
            </tr>
          </thead>
          <tbody>
            {status.map((chain) => (
              <tr key={chain.chainId} className="border-t border-zinc-800">
                <td className="py-2 pr-3">{chain.name}</td>
                <td className="py-2 pr-3">{chain.status.replace("_", " ")}</td>
                <td className="py-2 pr-3 tabular-nums">{chain.cursorBlock ?? "—"}</td>
                <td className="py-2 pr-3 tabular-nums">{chain.headBlock ?? "—"}</td>
                <td className="py-2 pr-3 text-xs text-zinc-400">{chain.error ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="watch-rules-heading" className="space-y-3">
        <h2 id="watch-rules-heading" className="text-lg font-semibold">
          Watch rules
        </h2>
        <WatchRulesPanel
          rules={rules}
          levels={levels.map((level) => level.name)}
          isAdmin={actor.role === "admin"}
        />
      </section>
    </div>
  );
}
