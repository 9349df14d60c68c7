"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";

/**
 * The tick of one checklist step. The server records it as a timeline event; the page then re-reads it.
 * Until the re-read shows the new state (the live timeline may trigger a second refresh that supersedes
 * ours), the box shows what was asked for and stays disabled, so it never flickers back or double-posts.
 */
export function ChecklistItemToggle(props: {
  incidentRef: string;
  runId: string;
  stepIndex: number;
  isChecked: boolean;
  /** Id of the event behind the current state: a change means the server state arrived. */
  stateEventId: number | null;
  label: string;
  canAct: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isChecked = pending ?? props.isChecked;

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the server state changes, by design.
  useEffect(() => setPending(null), [props.isChecked, props.stateEventId]);

  async function toggle() {
    const next = !isChecked;
    setPending(next);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/runbooks/${props.runId}/checks`, {
        method: "POST",
        json: { stepIndex: props.stepIndex, isChecked: next },
      });
      router.refresh();
    } catch (cause) {
      setPending(null);
      setError(cause instanceof ApiError ? cause.message : String(cause));
    }
  }

  return (
    <span className="inline-flex flex-col">
      <input
        type="checkbox"
        aria-label={props.label}
        checked={isChecked}
        disabled={!props.canAct || pending !== null}
        onChange={toggle}
        className="mt-0.5 h-5 w-5 accent-emerald-500"
      />
      {error ? (
        <span role="alert" className="text-xs text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
