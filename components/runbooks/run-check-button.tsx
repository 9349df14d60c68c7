"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

/** Performs a verification read on chain; the value and the verdict land on the timeline and in the panel. */
export function RunCheckButton(props: {
  incidentRef: string;
  runId: string;
  stepIndex: number;
  label: string;
}) {
  const router = useRouter();
  const [isRunning, setIsRunning] = useState(false);
  const [isRefreshing, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setIsRunning(true);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/runbooks/${props.runId}/verifications`, {
        method: "POST",
        json: { stepIndex: props.stepIndex },
      });
      startTransition(() => router.refresh());
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
    } finally {
      setIsRunning(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button variant="secondary" onClick={run} disabled={isRunning || isRefreshing} aria-label={props.label}>
        {isRunning ? "Reading the chain…" : "Run check"}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-400">
          {error}
        </span>
      ) : null}
    </span>
  );
}
