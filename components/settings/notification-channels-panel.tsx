"use client";

import type { FormEvent } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";
import type { ChannelView } from "@/lib/notifications";
import { ToggleDeleteActions } from "./toggle-delete-actions";

const EVENTS = [
  { value: "declared", label: "Incident declared" },
  { value: "severity_changed", label: "Severity changed" },
  { value: "status_update", label: "Status update posted" },
  { value: "signatures_needed", label: "Signatures needed" },
  { value: "kit_readiness", label: "Emergency kit needs signing" },
];

export function NotificationChannelsPanel({ channels }: { channels: ChannelView[] }) {
  const { error, run } = useApiAction();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    return run(async () => {
      await apiFetch("/api/settings/notifications/channels", {
        method: "POST",
        json: {
          name: data.get("name"),
          kind: data.get("kind"),
          url: data.get("url"),
          events: data.getAll("events"),
        },
      });
      form.reset();
    });
  }

  return (
    <div className="space-y-4">
      {channels.length === 0 ? (
        <p className="text-sm text-zinc-400">No channels: nobody is notified.</p>
      ) : null}
      <ul className="space-y-2">
        {channels.map((channel) => (
          <li
            key={channel.id}
            className={`flex flex-wrap items-center gap-2 rounded border border-zinc-800 p-3 text-sm ${channel.isEnabled ? "" : "opacity-60"}`}
          >
            <span className="font-semibold">{channel.name}</span>
            <span className="text-zinc-400">
              {channel.kind === "slack" ? "Slack webhook" : "JSON webhook"}
            </span>
            <span className="font-mono text-xs text-zinc-400">{channel.urlHint}</span>
            <span className="text-xs text-zinc-300">{channel.events.join(", ")}</span>
            <ToggleDeleteActions
              url={`/api/settings/notifications/channels/${channel.id}`}
              isEnabled={channel.isEnabled}
              labels={["Pause", "Resume"]}
              run={run}
            />
          </li>
        ))}
      </ul>
      <form
        onSubmit={create}
        noValidate
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
      >
        <label className="text-sm">
          Name
          <input name="name" required className={INPUT_CLASS} placeholder="#incidents" />
          <FieldError error={error} path="name" label="Name" />
        </label>
        <label className="text-sm">
          Kind
          <select name="kind" defaultValue="slack" className={INPUT_CLASS}>
            <option value="slack">Slack-compatible incoming webhook</option>
            <option value="webhook">Generic JSON webhook</option>
          </select>
        </label>
        <label className="text-sm">
          Webhook URL (stored encrypted, never shown again)
          <input name="url" type="url" required className={`${INPUT_CLASS} font-mono`} autoComplete="off" />
          <FieldError error={error} path="url" label="URL" />
        </label>
        <fieldset className="text-sm md:col-span-3">
          <legend>Events</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {EVENTS.map((item) => (
              <label key={item.value} className="flex items-center gap-1">
                <input type="checkbox" name="events" value={item.value} defaultChecked />
                {item.label}
              </label>
            ))}
          </div>
          <FieldError error={error} path="events" label="Events:" />
        </fieldset>
        <div className="md:col-span-3">
          <Button type="submit">Add channel</Button>
        </div>
      </form>
      <FormError error={error} />
    </div>
  );
}
