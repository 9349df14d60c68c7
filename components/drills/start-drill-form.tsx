"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import type { DrillableSection } from "@/lib/drills";

/** A commander picks a procedure; the console forks the chain, declares the drill and opens its page. */
export function StartDrillForm({ sections }: { sections: DrillableSection[] }) {
  const router = useRouter();
  const [choice, setChoice] = useState(sections[0] ? `${sections[0].versionId}|${sections[0].anchor}` : "");
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Until React has hydrated, a click would submit the bare HTML form (a GET of this page): wait for it.
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);
  if (sections.length === 0)
    return <p className="text-sm text-zinc-400">Import a runbook with a contract action to drill it.</p>;
  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const [runbookVersionId, anchor] = choice.split("|");
        setIsBusy(true);
        setError(null);
        try {
          const drill = await apiFetch<{ id: string }>("/api/drills", {
            method: "POST",
            json: { runbookVersionId, anchor },
          });
          router.push(`/drills/${drill.id}`);
        } catch (cause) {
          setError(toApiError(cause));
          setIsBusy(false);
        }
      }}
    >
      <label className="block text-sm">
        Procedure to rehearse
        <select
          className={INPUT_CLASS}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          name="section"
        >
          {sections.map((s) => (
            <option key={`${s.versionId}|${s.anchor}`} value={`${s.versionId}|${s.anchor}`}>
              {s.runbook} — {s.title}
            </option>
          ))}
        </select>
      </label>
      <FieldError error={error} path="anchor" label="DrillableSection" />
      <FormError error={error} />
      <Button type="submit" disabled={isBusy || !isHydrated}>
        {isBusy ? "Forking the chain…" : "Start drill"}
      </Button>
      <p className="text-xs text-zinc-400">
        The console starts an anvil fork of the registry chain at its latest block with a chain id of its own,
        so nothing signed in the drill is valid on the real chain.
      </p>
    </form>
  );
}
