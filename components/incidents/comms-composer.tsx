"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import { buildCommsTemplates, type CommsEvent, type CommsIncident } from "@/lib/comms";

const TEXT_ID = "comms-text";

/**
 * A status update drafted from the runbooks' templates and the incident as it is now; editable, copyable,
 * and saved to the timeline, which also sets when the next update is due.
 */
export function CommsComposer(props: {
  incidentRef: string;
  incident: Omit<CommsIncident, "declaredAt" | "resolvedAt"> & {
    declaredAt: string;
    resolvedAt: string | null;
  };
  events: (Omit<CommsEvent, "createdAt"> & { createdAt: string })[];
  canAct: boolean;
}) {
  const router = useRouter();
  const templates = useMemo(
    () =>
      buildCommsTemplates({
        incident: {
          ...props.incident,
          declaredAt: new Date(props.incident.declaredAt),
          resolvedAt: props.incident.resolvedAt ? new Date(props.incident.resolvedAt) : null,
        },
        events: props.events.map((event) => ({ ...event, createdAt: new Date(event.createdAt) })),
        now: new Date(),
      }),
    [props.incident, props.events],
  );
  const [templateId, setTemplateId] = useState<string>(
    props.incident.resolvedAt ? "pil-resolved" : "musd-incident",
  );
  // null = follow the template (it updates as the incident changes); a string = the person's edit.
  const [edited, setEdited] = useState<string | null>(null);
  useTypedBeforeHydration(TEXT_ID, setEdited);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const text = edited ?? templates.find((template) => template.id === templateId)?.text ?? "";

  async function postUpdate() {
    setError(null);
    setMessage(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/events`, {
        method: "POST",
        json: { kind: "comms.update_posted", template: templateId, text },
      });
      setEdited(null);
      setMessage("Update saved to the timeline.");
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setMessage("Copied.");
    } catch {
      setMessage("Copy failed: select the text and copy it by hand.");
    }
  }

  return (
    <section aria-labelledby="comms-heading" className="space-y-2 rounded-md border border-zinc-800 p-3">
      <h2 id="comms-heading" className="text-lg font-semibold">
        Status update
      </h2>
      <label className="block text-sm text-zinc-400">
        Template{" "}
        <select
          value={templateId}
          onChange={(event) => {
            setTemplateId(event.target.value);
            setEdited(null);
          }}
          className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100"
        >
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.label}
            </option>
          ))}
        </select>
      </label>
      <textarea
        aria-label="Status update text"
        id={TEXT_ID}
        value={text}
        onChange={(event) => setEdited(event.target.value)}
        rows={9}
        className="w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 font-mono text-xs"
      />
      {error ? (
        <p role="alert" className="text-xs text-red-400">
          {error.fieldMessage("text") ? `Text ${error.fieldMessage("text")}` : error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={copy}>
          Copy
        </Button>
        {props.canAct ? <Button onClick={postUpdate}>Post update</Button> : null}
        {edited !== null ? (
          <Button variant="ghost" onClick={() => setEdited(null)}>
            Reset to template
          </Button>
        ) : null}
      </div>
      {message ? (
        <p className="text-xs text-emerald-400" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
