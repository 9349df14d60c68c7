"use client";

import { useEffect, useState } from "react";
// The component takes the name PageTally; lib/paging's type of the same name is the tally it fetches.
import type { PageTally as Tally } from "@/lib/paging";

const time = (iso: string) => `${iso.slice(11, 19)} UTC`;

/**
 * Who was paged about a proposal, when, and who signed. Self-contained (it fetches its own data and refreshes
 * every few seconds while paging is open) so any page can place it beside a signing panel.
 */
export function PageTally({ proposalId, refreshMs = 3000 }: { proposalId: string; refreshMs?: number }) {
  const [tally, setTally] = useState<Tally | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let isActive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const response = await fetch(`/api/paging/tally?proposalId=${encodeURIComponent(proposalId)}`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as { tally: Tally };
        if (!isActive) return;
        setTally(body.tally);
        setError("");
        if (body.tally.state === "open" || body.tally.pageId === null) timer = setTimeout(load, refreshMs);
      } catch (cause) {
        if (!isActive) return;
        setError((cause as Error).message);
        timer = setTimeout(load, refreshMs * 3);
      }
    };
    void load();
    return () => {
      isActive = false;
      if (timer) clearTimeout(timer);
    };
  }, [proposalId, refreshMs]);

  return (
    <section
      aria-labelledby="page-tally-heading"
      data-testid="page-tally"
      className="space-y-2 rounded border border-zinc-800 p-3 text-sm"
    >
      <h2 id="page-tally-heading" className="font-semibold">
        Paging
      </h2>
      {error ? <p className="text-xs text-red-400">Paging status unavailable ({error})</p> : null}
      {!tally ? <p className="text-xs text-zinc-400">Loading…</p> : null}
      {tally && tally.pageId === null ? (
        <p className="text-xs text-zinc-400">No one has been paged.</p>
      ) : null}
      {tally?.pageId ? (
        <>
          <p data-testid="page-tally-state" className="text-xs text-zinc-300">
            {tally.state === "open"
              ? "Paging the owners who have not signed"
              : `Paging stopped: ${tally.stopReason ?? tally.state}`}
          </p>
          <ul className="divide-y divide-zinc-800">
            {tally.rows.map((row) => (
              <li
                key={row.memberId}
                data-testid="page-tally-row"
                className="flex flex-wrap items-baseline gap-x-3 py-1"
              >
                <span className="font-medium">{row.name}</span>
                <span className="text-xs text-zinc-400">
                  {row.pages.length === 0
                    ? "not paged"
                    : `paged ${row.pages.length}× (${row.pages.map((p) => `${time(p.at)}${p.delivered ? "" : " not delivered"}`).join(", ")})`}
                </span>
                <span className={`ml-auto text-xs ${row.signedAt ? "text-emerald-400" : "text-amber-400"}`}>
                  {row.signedAt ? `signed ${time(row.signedAt)}` : "not signed"}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
