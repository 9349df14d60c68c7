"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

/** A verified pause offers containment: one click records it with the proposal and the time to contain. */
export function MarkContainedButton(props: { incidentRef: string; proposalId: string; title: string }) {
  const router = useRouter();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function contain() {
    setIsBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${props.incidentRef}/transition`, {
        method: "POST",
        json: { action: "contain", reason: `${props.title} verified on chain`, proposalId: props.proposalId },
      });
      router.refresh();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setIsBusy(false);
    }
  }
  return (
    <span className="flex flex-col items-start gap-0.5 sm:items-end">
      <Button onClick={contain} disabled={isBusy} className="text-xs">
        {isBusy ? "Recording…" : "Mark contained"}
      </Button>
      {error ? (
        <span role="alert" className="text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
