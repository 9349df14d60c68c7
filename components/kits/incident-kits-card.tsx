import Link from "next/link";
import { UtcTime } from "@/components/incidents/utc-time";
import { listPublicChains } from "@/lib/chain";
import { getExecutorView, listBreakableKits } from "@/lib/kits";
import { IncidentBreakGlass } from "./incident-break-glass";
import { KitStateBadge } from "./kit-state-badge";

/**
 * The glass on the incident itself: each pre-signed kit that was armed at its last recheck, with one button.
 * Shown to responders while the incident is not contained (a drill rehearses with its fork's Safes, which
 * have no kits). Nothing here reads the chain; the button simulates before it sends.
 */
export async function IncidentKitsCard({ incidentRef }: { incidentRef: string }) {
  const kits = await listBreakableKits();
  if (kits.length === 0) return null;
  const [executor, chains] = await Promise.all([
    getExecutorView([...new Set(kits.map((k) => k.chainId))]),
    listPublicChains(),
  ]);
  return (
    <section
      aria-labelledby="incident-kits-heading"
      className="space-y-3 rounded-lg border border-red-800 p-3"
      data-testid="incident-kits"
    >
      <h2 id="incident-kits-heading" className="text-lg font-semibold">
        Break glass: pre-signed kits
      </h2>
      <ul className="space-y-3">
        {kits.map((kit) => (
          <li key={kit.id} className="space-y-1 text-sm" data-testid="incident-kit">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/readiness/${kit.id}?incident=${incidentRef}`} className="font-semibold underline">
                {kit.name}
              </Link>
              <KitStateBadge state={kit.lastState} />
              <span className="text-zinc-400">{kit.safeLabel}</span>
              {kit.lastCheckedAt && (
                <span className="text-xs text-zinc-500">
                  checked <UtcTime at={kit.lastCheckedAt} />
                </span>
              )}
            </div>
            <IncidentBreakGlass
              chains={chains}
              kitId={kit.id}
              incident={incidentRef}
              hasExecutor={executor !== null}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
