"use client";

import { type FormEvent, useEffect, useState } from "react";
import { UtcTime } from "@/components/incidents/utc-time";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { AlertSourceView } from "@/lib/alerts";

export function AlertSourcesPanel({ sources }: { sources: AlertSourceView[] }) {
  const [origin, setOrigin] = useState("");
  const { error, run } = useApiAction();
  // A new secret is shown once, in this state only: it is never stored in plain text or sent again.
  const [revealed, setRevealed] = useState<{ sourceId: string; secret: string } | null>(null);
  useEffect(() => setOrigin(window.location.origin), []);

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = Object.fromEntries(new FormData(form));
    return run(async () => {
      const result = await apiFetch<{ source: { id: string }; secret: string }>(
        "/api/settings/alerts/sources",
        {
          method: "POST",
          json: input,
        },
      );
      setRevealed({ sourceId: result.source.id, secret: result.secret });
      form.reset();
    });
  }

  return (
    <div className="space-y-4">
      {sources.length === 0 ? <p className="text-sm text-zinc-400">No alert sources yet.</p> : null}
      <ul className="space-y-3">
        {sources.map((source) => {
          const url = `${origin}/api/alerts/${source.kind}?source=${source.id}`;
          return (
            <li
              key={source.id}
              className="rounded border border-zinc-800 p-3 text-sm"
              data-testid="alert-source"
            >
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="font-semibold">{source.name}</span>
                <span className="text-zinc-400">
                  {source.kind === "alertmanager" ? "Alertmanager webhook" : "Generic events"} ·{" "}
                  {source.authMode === "hmac" ? "HMAC-SHA256 signature" : "Bearer token"} ·{" "}
                  {source.alertCount} alerts
                </span>
              </div>
              <p className="mt-1 break-all font-mono text-xs text-zinc-300">POST {url}</p>
              {source.kind === "events" ? (
                <p className="text-xs text-zinc-400">
                  Or put <code>routing_key: &quot;{source.id}&quot;</code> in the event body.
                </p>
              ) : null}
              {source.authMode === "hmac" ? (
                <p className="text-xs text-zinc-400">
                  Headers: X-Breakglass-Timestamp (unix seconds) and X-Breakglass-Signature:
                  sha256=hex(HMAC-SHA256(secret, timestamp + &quot;.&quot; + body)); 5-minute window.
                </p>
              ) : (
                <p className="text-xs text-zinc-400">Header: Authorization: Bearer &lt;secret&gt;.</p>
              )}
              <ul className="mt-2 space-y-1">
                {source.secrets.map((secret) => (
                  <li key={secret.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-mono">{secret.prefix}</span>
                    <span className="text-xs text-zinc-400">
                      created <UtcTime at={secret.createdAt} withDate />
                    </span>
                    {source.secrets.length > 1 ? (
                      <Button
                        variant="ghost"
                        className="py-1 text-xs"
                        onClick={() =>
                          run(() =>
                            apiFetch(`/api/settings/alerts/sources/${source.id}/secrets/${secret.id}`, {
                              method: "DELETE",
                            }),
                          )
                        }
                      >
                        Revoke
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {source.secrets.length < 2 ? (
                <Button
                  variant="secondary"
                  className="mt-2 py-1 text-xs"
                  onClick={() =>
                    run(async () => {
                      const result = await apiFetch<{ secret: string }>(
                        `/api/settings/alerts/sources/${source.id}/secrets`,
                        { method: "POST" },
                      );
                      setRevealed({ sourceId: source.id, secret: result.secret });
                    })
                  }
                >
                  Rotate: add a second secret
                </Button>
              ) : (
                <p className="mt-1 text-xs text-amber-300">
                  Rotation in progress: both secrets work. Revoke the old one once every sender uses the new
                  one.
                </p>
              )}
              {revealed?.sourceId === source.id ? (
                <div role="status" className="mt-2 rounded border border-amber-500 bg-amber-950 p-2">
                  <p className="text-xs font-semibold text-amber-200">
                    Copy this secret now: it is never shown again.
                  </p>
                  <code data-testid="new-secret" className="block break-all font-mono text-xs">
                    {revealed.secret}
                  </code>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <form
        onSubmit={create}
        noValidate
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-4"
      >
        <label className="text-sm">
          Source name
          <input name="name" required className={INPUT_CLASS} />
          <FieldError error={error} path="name" label="Name" />
        </label>
        <label className="text-sm">
          Format
          <select name="kind" defaultValue="alertmanager" className={INPUT_CLASS}>
            <option value="alertmanager">Prometheus Alertmanager</option>
            <option value="events">Generic events (PagerDuty-like)</option>
          </select>
        </label>
        <label className="text-sm">
          Authentication
          <select name="authMode" defaultValue="bearer" className={INPUT_CLASS}>
            <option value="bearer">Bearer token</option>
            <option value="hmac">HMAC-SHA256 signature</option>
          </select>
        </label>
        <div className="flex items-end">
          <Button type="submit">Add source</Button>
        </div>
      </form>
      <FormError error={error} />
    </div>
  );
}
