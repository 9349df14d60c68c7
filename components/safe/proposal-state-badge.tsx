const STYLES: Record<string, string> = {
  draft: "bg-zinc-800 text-zinc-300",
  signing: "bg-amber-500/15 text-amber-300 ring-1 ring-amber-500/40",
  ready: "bg-sky-500/15 text-sky-300 ring-1 ring-sky-500/40",
  executed: "bg-emerald-500/15 text-emerald-300 ring-1 ring-emerald-500/40",
  failed: "bg-red-500/15 text-red-300 ring-1 ring-red-500/40",
  stale: "bg-zinc-800 text-zinc-400 line-through",
  rejected: "bg-zinc-800 text-zinc-400",
};

/** A proposal's state as a word, never only a colour. */
export function ProposalStateBadge({ state }: { state: string }) {
  return (
    <span
      data-testid="proposal-state"
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${STYLES[state] ?? STYLES.draft}`}
    >
      {state}
    </span>
  );
}

/** "2 of 3": signatures from current owners against the threshold. */
export function SignatureProgress({ count, threshold }: { count: number; threshold: number }) {
  const isReady = threshold > 0 && count >= threshold;
  return (
    <span
      data-testid="signature-progress"
      className={`tabular-nums text-sm font-semibold ${isReady ? "text-emerald-300" : "text-amber-300"}`}
    >
      {count} of {threshold}
    </span>
  );
}
