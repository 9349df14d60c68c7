import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { summarizeReadiness } from "@/lib/kits";
import { KitStateBadge } from "./kit-state-badge";

/** Dashboard: is the glass there to break? Each kit's state with what made it LOW or STALE. */
export async function ReadinessCard() {
  const { kits, lastCheckedAt } = await summarizeReadiness();
  const armed = kits.filter((k) => k.state === "ARMED").length;
  return (
    <section aria-labelledby="readiness-heading" className="rounded-md border border-zinc-800 p-3">
      <h2 id="readiness-heading" className="mb-2 font-semibold">
        <Link href="/readiness" className="underline-offset-2 hover:underline">
          Readiness
        </Link>
      </h2>
      {kits.length === 0 ? (
        <p className="text-sm text-zinc-400">
          No pre-signed kits: in an exploit the owners must be gathered to sign.
        </p>
      ) : (
        <>
          <p className="text-sm" data-testid="readiness-summary">
            {armed} of {kits.length} kit{kits.length === 1 ? "" : "s"} armed
            {lastCheckedAt && (
              <span className="text-xs text-zinc-500">
                {" "}
                · checked <UtcTime at={lastCheckedAt} />
              </span>
            )}
          </p>
          <ul className="mt-2 space-y-1 text-sm" data-testid="readiness-kits">
            {kits.map((kit) => (
              <li key={kit.id} className="flex flex-wrap items-center gap-2">
                <KitStateBadge state={kit.state} />
                <Link href={`/readiness/${kit.id}`} className="underline">
                  {kit.name}
                </Link>
                <span className="text-zinc-400">{kit.safeLabel}</span>
                {kit.state !== "ARMED" && kit.reason && <span className="text-amber-300">{kit.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
