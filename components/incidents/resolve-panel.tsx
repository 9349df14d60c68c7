"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { OpenRisks } from "@/lib/safe";

/** What GET /api/incidents/<ref>/open-risks answers: lib/safe's open risks and their lines in words. */
type Risks = OpenRisks & { lines: string[] };

/**
 * Resolving, in place of a browser confirm(): what is still paused (read on chain now), the timelocks still
 * waiting and the open proposals; with any of those, a commander resolves only by giving a reason, which is
 * recorded on the timeline with the list.
 */
export function ResolvePanel({ incidentRef, onClose }: { incidentRef: string; onClose: () => void }) {
  const router = useRouter();
  const [risks, setRisks] = useState<Risks | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    apiFetch<Risks>(`/api/incidents/${incidentRef}/open-risks`)
      .then(setRisks)
      .catch((cause: unknown) => setError(cause instanceof ApiError ? cause.message : String(cause)));
  }, [incidentRef]);
  const isOpen = (risks?.lines.length ?? 0) > 0;

  async function resolve() {
    setIsBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/incidents/${incidentRef}/transition`, {
        method: "POST",
        json: { action: "resolve", ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      onClose();
      router.refresh();
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : String(cause));
      setIsBusy(false);
    }
  }

  return (
    <section
      aria-label="Resolve the incident"
      data-testid="resolve-panel"
      className="space-y-2 rounded-lg border border-amber-600/60 bg-amber-950/20 p-3 text-sm"
    >
      <p className="font-semibold">Resolve this incident? A post-mortem draft is started.</p>
      {risks === null && !error ? <p className="text-zinc-400">Reading the chain and the queue…</p> : null}
      {isOpen ? (
        <>
          <p className="text-amber-200">Still open:</p>
          <ul className="list-disc space-y-0.5 pl-5 text-amber-100" data-testid="open-risks">
            {risks!.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <label className="block">
            <span className="text-zinc-300">Why resolve with these open? (recorded on the timeline)</span>
            <textarea
              aria-label="Reason to resolve anyway"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={2}
              className="mt-1 w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
            />
          </label>
        </>
      ) : risks ? (
        <p className="text-emerald-300" data-testid="open-risks-none">
          Nothing paused, no timelock waiting, no open proposal.
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button
          variant="danger"
          onClick={resolve}
          disabled={isBusy || risks === null || (isOpen && reason.trim().length < 3)}
        >
          {isOpen ? "Resolve anyway" : "Resolve"}
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-red-300">
          {error}
        </p>
      ) : null}
    </section>
  );
}
