import Link from "next/link";
import type { ReactNode } from "react";
import { SeverityBadge } from "@/components/incidents/severity-badge";
import { UtcTime } from "@/components/incidents/utc-time";
import type { Dashboard } from "@/lib/dashboard";
import { formatShortDuration } from "@/lib/time";

function Panel(props: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${props.id}-heading`}
      className="rounded-md border border-zinc-800 p-3"
      data-testid={props.id}
    >
      <h2 id={`${props.id}-heading`} className="mb-2 flex items-baseline gap-2 font-semibold">
        {props.title}
        <span
          className={`rounded px-1.5 text-sm tabular-nums ${props.count > 0 ? "bg-red-900 text-red-100" : "bg-zinc-800 text-zinc-300"}`}
          data-testid={`${props.id}-count`}
        >
          {props.count}
        </span>
      </h2>
      {props.count === 0 ? (
        <p className="text-sm text-zinc-400">None.</p>
      ) : (
        <ul className="space-y-1.5 text-sm">{props.children}</ul>
      )}
    </section>
  );
}

/** What needs someone now: unacknowledged incidents past target, late post-mortems and action items. */
export function AttentionLists({ dashboard }: { dashboard: Dashboard }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Panel id="response-breaches" title="Response-time breaches" count={dashboard.breaches.length}>
        {dashboard.breaches.map((breach) => (
          <li key={breach.ref} className="flex flex-wrap items-center gap-2">
            <SeverityBadge name={breach.severityName} color={breach.severityColor} />
            <Link href={`/incidents/${breach.ref}`} className="font-mono text-amber-300 underline">
              {breach.ref}
            </Link>
            <span className="min-w-0 flex-1 truncate">{breach.title}</span>
            <span className="font-semibold text-red-300">
              unacknowledged, {formatShortDuration(breach.overdueSeconds)} over
            </span>
          </li>
        ))}
      </Panel>
      <Panel
        id="overdue-postmortems"
        title="Overdue post-mortems"
        count={dashboard.overduePostMortems.length}
      >
        {dashboard.overduePostMortems.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2">
            <Link
              href={`/incidents/${item.incidentRef}/postmortem`}
              className="font-mono text-amber-300 underline"
            >
              {item.incidentRef}
            </Link>
            <span className="min-w-0 flex-1 truncate">{item.incidentTitle}</span>
            <span className="text-xs text-red-300">
              due <UtcTime at={item.dueAt} withDate />
            </span>
          </li>
        ))}
      </Panel>
      <Panel
        id="overdue-action-items"
        title="Overdue action items"
        count={dashboard.overdueActionItems.length}
      >
        {dashboard.overdueActionItems.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-2">
            <Link
              href={`/incidents/${item.incidentRef}/postmortem`}
              className="font-mono text-amber-300 underline"
            >
              {item.incidentRef}
            </Link>
            <span className="min-w-0 flex-1 truncate">{item.title}</span>
            <span className="text-xs text-zinc-400">{item.ownerName ?? "no owner"}</span>
            {item.dueAt ? (
              <span className="text-xs text-red-300">
                due <UtcTime at={item.dueAt} withDate />
              </span>
            ) : null}
          </li>
        ))}
      </Panel>
    </div>
  );
}
