"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { AttachableRunbook, RunbookSuggestion } from "@/lib/runbooks";

/** Suggested sections (severity, alert routes) with one-click attach, and any other section by choice. */
export function AttachRunbookForm(props: {
  incidentRef: string;
  suggestions: RunbookSuggestion[];
  attachable: AttachableRunbook[];
}) {
  const router = useRouter();
  const [choice, setChoice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isRefreshing, startTransition] = useTransition();

  async function attach(versionId: string, anchor: string) {
    setIsSaving(true);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/runbooks`, {
        method: "POST",
        json: { versionId, anchor },
      });
      setChoice("");
      startTransition(() => router.refresh());
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setIsSaving(false);
    }
  }

  const isBusy = isSaving || isRefreshing;
  return (
    <div className="space-y-2">
      {props.suggestions.length ? (
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-zinc-400">Suggested</p>
          <ul className="mt-1 space-y-1">
            {props.suggestions.slice(0, 6).map((suggestion) => (
              <li
                key={`${suggestion.versionId}:${suggestion.anchor}`}
                className="flex flex-wrap items-center gap-2 text-sm"
              >
                <Button
                  variant="secondary"
                  className="px-2 py-1"
                  disabled={isBusy}
                  onClick={() => attach(suggestion.versionId, suggestion.anchor)}
                  aria-label={`Attach ${suggestion.title}`}
                >
                  Attach
                </Button>
                <span className="font-medium">{suggestion.title}</span>
                <span className="text-xs text-zinc-400">
                  {suggestion.document} v{suggestion.version} · {suggestion.reasons.join(", ")}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.attachable.length ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const [versionId, anchor] = choice.split("|");
            if (versionId && anchor) void attach(versionId, anchor);
          }}
        >
          <label className="text-sm">
            Attach a runbook section
            <select
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
              className="mt-1 block w-full max-w-md rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm"
            >
              <option value="">Choose a section…</option>
              {props.attachable.map((runbook) => (
                <optgroup key={runbook.versionId} label={`${runbook.document} (v${runbook.version})`}>
                  {runbook.sections.map((section) => (
                    <option key={section.anchor} value={`${runbook.versionId}|${section.anchor}`}>
                      {section.level > 2 ? "\u00a0\u00a0· " : ""}
                      {section.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <Button type="submit" disabled={isBusy || choice === ""}>
            Attach
          </Button>
        </form>
      ) : (
        <p className="text-sm text-zinc-400">No runbooks imported yet.</p>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
