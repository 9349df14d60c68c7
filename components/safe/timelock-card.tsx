import Link from "next/link";
import { formatLocalDateTime, formatRemaining } from "@/lib/time";

export type TimelockCardProps = {
  readyAt: string;
  label: string;
  followUpHref: string | null;
  followUpId: string | null;
};

/**
 * A timelock and its follow-up. `now` is CHAIN time (the latest block's timestamp), which is what the
 * contract checks; null until the chain has answered, when only the date is known.
 */
export function TimelockCard({
  readyAt,
  label,
  followUpHref,
  followUpId,
  now,
}: TimelockCardProps & { now: number | null }) {
  const ready = Math.floor(new Date(readyAt).getTime() / 1000);
  const remaining = now === null ? null : ready - now;
  const isReady = remaining !== null && remaining <= 0;
  return (
    <div
      data-testid="timelock"
      data-ready={isReady}
      className="space-y-1 rounded-lg border border-sky-600/50 bg-sky-500/10 p-3 text-sm"
    >
      <p className="text-sky-100">
        {label} {isReady ? "is possible" : "becomes possible"}{" "}
        <span className="font-semibold tabular-nums" data-testid="timelock-remaining">
          {remaining === null ? "…" : isReady ? "now" : `in ${formatRemaining(remaining)}`}
        </span>
      </p>
      <p className="text-xs text-zinc-400" title={formatLocalDateTime(new Date(readyAt))}>
        Possible from {readyAt.slice(0, 16).replace("T", " ")} UTC (chain time)
      </p>
      {followUpId ? (
        <Link href={`/proposals/${followUpId}`} className="text-sky-300 underline">
          Follow-up proposal
        </Link>
      ) : (
        followUpHref && (
          <Link
            href={followUpHref}
            className={`inline-block rounded px-2 py-1 font-semibold ${isReady ? "bg-sky-500 text-zinc-950" : "text-sky-300 underline"}`}
          >
            {isReady
              ? "Propose the follow-up now"
              : "Prepare the follow-up (simulation refuses it until then)"}
          </Link>
        )
      )}
    </div>
  );
}
