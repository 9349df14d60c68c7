"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { AlertListItem } from "@/lib/alerts";

export function AlertInbox({
  inbox,
  attached,
  levels,
  canAct,
}: {
  inbox: AlertListItem[];
  attached: AlertListItem[];
  levels: { name: string; definition: string }[];
  canAct: boolean;
}) {
  return (
    <>
      <section aria-labelledby="inbox-heading" className="space-y-3">
        <h2 id="inbox-heading" className="text-lg font-semibold">
          Inbox <span className="text-sm font-normal text-zinc-400">({inbox.length})</span>
        </h2>
        {inbox.length === 0 ? (
          <p className="text-sm text-zinc-400">Nothing waiting. Unrouted alerts appear here.</p>
        ) : (
          <ul className="space-y-2">
            {inbox.map((alert) => (
              <InboxItem key={alert.id} alert={alert} levels={levels} canAct={canAct} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="attached-heading" className="space-y-3">
        <h2 id="attached-heading" className="text-lg font-semibold">
          Recent alerts on incidents
        </h2>
        {attached.length === 0 ? (
          <p className="text-sm text-zinc-400">None yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-800 rounded border border-zinc-800 text-sm">
            {attached.map((alert) => (
              <li key={alert.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <StatusDot status={alert.status} />
                <span className="font-mono font-semibold">{alert.name}</span>
                <span className="text-zinc-400">×{alert.count}</span>
                {alert.incidentRef ? (
                  <Link href={`/incidents/${alert.incidentRef}`} className="text-amber-400 underline">
                    {alert.incidentRef}
                  </Link>
                ) : null}
                <span className="ml-auto text-xs text-zinc-400">
                  {alert.sourceName} · last <UtcTime at={alert.lastSeenAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function StatusDot({ status }: { status: string }) {
  const isFiring = status === "firing";
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-semibold ${isFiring ? "bg-red-600 text-white" : "bg-zinc-700 text-zinc-200"}`}
    >
      {isFiring ? "FIRING" : "resolved"}
    </span>
  );
}

function InboxItem({
  alert,
  levels,
  canAct,
}: {
  alert: AlertListItem;
  levels: { name: string; definition: string }[];
  canAct: boolean;
}) {
  const router = useRouter();
  const [severity, setSeverity] = useState(alert.severity ?? levels[0]?.name ?? "");
  const [error, setError] = useState<ApiError | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function act(action: "declare" | "dismiss") {
    setIsBusy(true);
    setError(null);
    try {
      if (action === "declare") {
        const { incident } = await apiFetch<{ incident: { ref: string } }>(
          `/api/alerts/${alert.id}/declare`,
          {
            method: "POST",
            json: { severity },
          },
        );
        router.push(`/incidents/${incident.ref}`);
      } else {
        await apiFetch(`/api/alerts/${alert.id}/dismiss`, { method: "POST", json: {} });
        router.refresh();
      }
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setIsBusy(false);
    }
  }

  const labels = Object.entries(alert.labels).filter(([key]) => key !== "alertname");
  return (
    <li className="rounded border border-zinc-800 bg-zinc-900 p-3" data-testid="inbox-alert">
      <div className="flex flex-wrap items-center gap-2">
        <StatusDot status={alert.status} />
        <span className="font-mono font-semibold">{alert.name}</span>
        <span className="text-sm text-zinc-400" title="Deliveries counted">
          ×{alert.count}
        </span>
        <span className="ml-auto text-xs text-zinc-400">
          {alert.sourceName} · first <UtcTime at={alert.firstSeenAt} /> · last{" "}
          <UtcTime at={alert.lastSeenAt} />
        </span>
      </div>
      <p className="mt-1 text-sm">{alert.summary}</p>
      {labels.length > 0 ? (
        <p className="mt-1 flex flex-wrap gap-1 font-mono text-xs text-zinc-400">
          {labels.slice(0, 12).map(([key, value]) => (
            <span key={key} className="rounded bg-zinc-800 px-1.5 py-0.5">
              {key}={value}
            </span>
          ))}
        </p>
      ) : null}
      {canAct ? (
        <div className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            Severity
            <select
              aria-label={`Severity for ${alert.name}`}
              value={severity}
              onChange={(event) => setSeverity(event.target.value)}
              className="ml-2 rounded border border-zinc-700 bg-zinc-950 px-2 py-1"
            >
              {levels.map((level) => (
                <option key={level.name} value={level.name} title={level.definition}>
                  {level.name}
                </option>
              ))}
            </select>
          </label>
          <Button variant="danger" disabled={isBusy} onClick={() => act("declare")}>
            Declare incident
          </Button>
          <Button variant="secondary" disabled={isBusy} onClick={() => act("dismiss")}>
            Dismiss
          </Button>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-400">
          {error.fieldMessage("severity") ? `Severity ${error.fieldMessage("severity")}` : error.message}
        </p>
      ) : null}
    </li>
  );
}
