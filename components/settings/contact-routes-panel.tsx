"use client";

import { type FormEvent, useState } from "react";
import { apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { ContactRouteView } from "@/lib/paging";
import { ToggleDeleteActions } from "./toggle-delete-actions";

const KIND_LABEL: Record<string, string> = {
  email: "E-mail",
  slack: "Slack",
  webhook: "JSON webhook",
  pagerduty: "PagerDuty",
};

/** Your own contact routes, paged in this order. Secrets are write-only: a saved route shows a hint. */
export function ContactRoutesPanel({ routes }: { routes: ContactRouteView[] }) {
  const { error, run } = useApiAction();
  const [kind, setKind] = useState("email");
  const [tests, setTests] = useState<Record<string, string>>({});

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? "");
    const target =
      kind === "email"
        ? { kind, address: value("address") }
        : kind === "slack"
          ? { kind, url: value("url"), mention: value("mention") }
          : kind === "webhook"
            ? { kind, url: value("url") }
            : { kind, routingKey: value("routingKey") };
    return run(async () => {
      await apiFetch("/api/paging/routes", { method: "POST", json: { label: value("label"), target } });
      form.reset();
    });
  }

  async function test(id: string) {
    setTests((current) => ({ ...current, [id]: "sending…" }));
    try {
      const { result } = await apiFetch<{ result: { isDelivered: boolean; reason: string | null } }>(
        `/api/paging/routes/${id}/test`,
        { method: "POST" },
      );
      setTests((current) => ({
        ...current,
        [id]: result.isDelivered ? "delivered: the receiver accepted it" : `not delivered: ${result.reason}`,
      }));
    } catch (cause) {
      setTests((current) => ({ ...current, [id]: `not delivered: ${toApiError(cause).message}` }));
    }
  }

  return (
    <div className="space-y-4">
      {routes.length === 0 ? (
        <p className="text-sm text-zinc-400">No contact routes: pages cannot reach you.</p>
      ) : null}
      <ol className="space-y-2">
        {routes.map((route) => (
          <li
            key={route.id}
            data-testid="contact-route"
            className={`flex flex-wrap items-center gap-2 rounded border border-zinc-800 p-3 text-sm ${route.isEnabled ? "" : "opacity-60"}`}
          >
            <span className="font-semibold">{route.label}</span>
            <span className="text-zinc-400">{KIND_LABEL[route.kind] ?? route.kind}</span>
            <span className="font-mono text-xs text-zinc-400">{route.targetHint}</span>
            <Button variant="secondary" className="py-1 text-xs" onClick={() => test(route.id)}>
              Send a test page
            </Button>
            {tests[route.id] ? (
              <span role="status" className="text-xs text-zinc-300">
                {tests[route.id]}
              </span>
            ) : null}
            <ToggleDeleteActions
              url={`/api/paging/routes/${route.id}`}
              isEnabled={route.isEnabled}
              labels={["Pause", "Resume"]}
              run={run}
            />
          </li>
        ))}
      </ol>
      <form
        onSubmit={create}
        noValidate
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
      >
        <label className="text-sm">
          Label
          <input name="label" required className={INPUT_CLASS} placeholder="Work e-mail" />
          <FieldError error={error} path="label" label="Label" />
        </label>
        <label className="text-sm">
          Kind
          <select
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            className={INPUT_CLASS}
          >
            <option value="email">E-mail</option>
            <option value="slack">Slack (incoming webhook)</option>
            <option value="webhook">Generic JSON webhook</option>
            <option value="pagerduty">PagerDuty (Events API v2)</option>
          </select>
        </label>
        {kind === "email" ? (
          <label className="text-sm">
            Address
            <input name="address" type="email" className={INPUT_CLASS} autoComplete="off" />
            <FieldError error={error} path="target.address" label="Address" />
          </label>
        ) : kind === "pagerduty" ? (
          <label className="text-sm">
            Routing key (empty: the team's; stored encrypted)
            <input name="routingKey" className={`${INPUT_CLASS} font-mono`} autoComplete="off" />
            <FieldError error={error} path="target.routingKey" label="Routing key" />
          </label>
        ) : (
          <label className="text-sm">
            Webhook URL (stored encrypted, never shown again)
            <input name="url" type="url" className={`${INPUT_CLASS} font-mono`} autoComplete="off" />
            <FieldError error={error} path="target.url" label="URL" />
          </label>
        )}
        {kind === "slack" ? (
          <label className="text-sm">
            Mention (optional Slack member id)
            <input name="mention" className={`${INPUT_CLASS} font-mono`} placeholder="U012AB3CD" />
            <FieldError error={error} path="target.mention" label="Mention" />
          </label>
        ) : null}
        <div className="md:col-span-3">
          <Button type="submit">Add route</Button>
        </div>
      </form>
      <FormError error={error} />
    </div>
  );
}
