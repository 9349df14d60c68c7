import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import type { OnCallRow } from "@/lib/paging";

/** Who is on call now, per rotation (the dashboard); nothing at all when there are no rotations. */
export function OnCallCard({ onCall }: { onCall: OnCallRow[] }) {
  if (onCall.length === 0) return null;
  return (
    <section aria-labelledby="on-call-heading" className="rounded-md border border-zinc-800 p-3">
      <h2 id="on-call-heading" className="mb-2 font-semibold">
        On call now
      </h2>
      <ul className="space-y-1 text-sm" data-testid="on-call">
        {onCall.map((row) => (
          <li key={row.rotationId} className="flex flex-wrap gap-x-2">
            <span className="text-zinc-400">{row.rotation}:</span>
            <span className="font-medium">{row.memberName ?? "nobody"}</span>
            {row.until ? (
              <span className="text-xs text-zinc-400">
                until <UtcTime at={row.until} withDate />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <Link href="/settings/paging" className="mt-2 inline-block text-xs underline">
        Rotations and policies
      </Link>
    </section>
  );
}
