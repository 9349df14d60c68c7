const STYLE: Record<string, string> = {
  ARMED: "bg-emerald-600/30 text-emerald-200 ring-emerald-500",
  LOW: "bg-amber-600/30 text-amber-200 ring-amber-500",
  STALE: "bg-red-600/30 text-red-200 ring-red-500",
};

/** ARMED / LOW / STALE, as derived from the chain for this render; RETIRED (and unknown) in grey. */
export function KitStateBadge({ state }: { state: string | null }) {
  return (
    <span
      data-testid="kit-state"
      className={`rounded px-2 py-0.5 text-xs font-semibold ring-1 ${STYLE[state ?? ""] ?? "bg-zinc-800 text-zinc-300 ring-zinc-600"}`}
    >
      {state ?? "UNKNOWN"}
    </span>
  );
}
