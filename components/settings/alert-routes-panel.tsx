"use client";

import { type FormEvent, useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import { ToggleDeleteActions } from "./toggle-delete-actions";

type RouteRow = {
  id: string;
  name: string;
  matchAlertName: string | null;
  matchLabels: Record<string, string>;
  severityName: string;
  runbookAnchors: string[];
  priority: number;
  isEnabled: boolean;
};

/** "chain=1, env=prod" → { chain: "1", env: "prod" }; the server validates the label names. */
function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text.split(",")) {
    const [key, ...rest] = part.split("=");
    if (key?.trim()) labels[key.trim()] = rest.join("=").trim();
  }
  return labels;
}

export function AlertRoutesPanel({
  routes,
  levels,
  isAdmin,
}: {
  routes: RouteRow[];
  levels: string[];
  isAdmin: boolean;
}) {
  const { error, run } = useApiAction();
  const [notice, setNotice] = useState("");

  function call(action: () => Promise<unknown>) {
    setNotice("");
    return run(action);
  }

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    return call(async () => {
      await apiFetch("/api/settings/alerts/routes", {
        method: "POST",
        json: {
          name: data.get("name"),
          matchAlertName: data.get("matchAlertName"),
          matchLabels: parseLabels(String(data.get("matchLabels") ?? "")),
          severityName: data.get("severityName"),
          runbookAnchors: String(data.get("runbookAnchors") ?? "")
            .split(/[\s,]+/)
            .filter(Boolean),
          priority: data.get("priority") || 100,
        },
      });
      form.reset();
    });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-400">
        The first enabled rule (lowest priority number) whose alert name and labels all match decides the
        severity and the runbook sections attached to the incident it declares. Runbook sections are written{" "}
        <code>runbook-slug#section-anchor</code>.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="text-zinc-400">
            <tr>
              <th className="py-1 pr-3 font-medium">Priority</th>
              <th className="py-1 pr-3 font-medium">Rule</th>
              <th className="py-1 pr-3 font-medium">Matches</th>
              <th className="py-1 pr-3 font-medium">Severity</th>
              <th className="py-1 pr-3 font-medium">Runbooks</th>
              <th className="py-1 pr-3 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {routes.map((route) => (
              <tr
                key={route.id}
                className={`border-t border-zinc-800 ${route.isEnabled ? "" : "opacity-50"}`}
              >
                <td className="py-2 pr-3 tabular-nums">{route.priority}</td>
                <td className="py-2 pr-3">{route.name}</td>
                <td className="py-2 pr-3 font-mono text-xs">
                  {route.matchAlertName ?? "any alert"}
                  {Object.entries(route.matchLabels).map(([key, value]) => (
                    <span key={key} className="ml-1 rounded bg-zinc-800 px-1">
                      {key}={value}
                    </span>
                  ))}
                </td>
                <td className="py-2 pr-3">{route.severityName}</td>
                <td className="max-w-64 break-all py-2 pr-3 font-mono text-xs">
                  {route.runbookAnchors.join(", ") || "—"}
                </td>
                <td className="py-2 text-right">
                  {isAdmin ? (
                    <ToggleDeleteActions
                      url={`/api/settings/alerts/routes/${route.id}`}
                      isEnabled={route.isEnabled}
                      labels={["Disable", "Enable"]}
                      run={call}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {routes.length === 0 ? (
        <p className="text-sm text-zinc-400">No routing rules: every alert goes to the inbox.</p>
      ) : null}
      {isAdmin ? (
        <>
          <Button
            variant="secondary"
            onClick={() =>
              call(async () => {
                const result = await apiFetch<{ created: number; skipped: number }>(
                  "/api/settings/alerts/routes/import",
                  { method: "POST" },
                );
                setNotice(`${result.created} rules added from runbooks, ${result.skipped} already routed.`);
              })
            }
          >
            Pre-fill from runbooks
          </Button>
          <form
            onSubmit={create}
            noValidate
            className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
          >
            <label className="text-sm">
              Rule name
              <input name="name" required className={INPUT_CLASS} />
              <FieldError error={error} path="name" label="Rule name" />
            </label>
            <label className="text-sm">
              Alert name (empty: any)
              <input
                name="matchAlertName"
                className={`${INPUT_CLASS} font-mono`}
                placeholder="ProtocolGloballyPaused"
              />
            </label>
            <label className="text-sm">
              Labels (key=value, comma-separated)
              <input name="matchLabels" className={`${INPUT_CLASS} font-mono`} placeholder="chain=1" />
              <FieldError error={error} path="matchLabels" label="Labels" />
            </label>
            <label className="text-sm">
              Severity
              <select name="severityName" className={INPUT_CLASS}>
                {levels.map((level) => (
                  <option key={level}>{level}</option>
                ))}
              </select>
              <FieldError error={error} path="severityName" label="Severity" />
            </label>
            <label className="text-sm">
              Runbook sections
              <input
                name="runbookAnchors"
                className={`${INPUT_CLASS} font-mono`}
                placeholder="incident-runbooks-breakglass-demo-protocol#2-global-…"
              />
              <FieldError error={error} path="runbookAnchors" label="Runbook sections" />
            </label>
            <label className="text-sm">
              Priority (lower first)
              <input name="priority" type="number" defaultValue={100} className={INPUT_CLASS} />
              <FieldError error={error} path="priority" label="Priority" />
            </label>
            <div className="md:col-span-3">
              <Button type="submit">Add rule</Button>
            </div>
          </form>
        </>
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-emerald-400">
          {notice}
        </p>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
