"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import type { KitSource } from "@/lib/kits";

type Safe = { id: string; label: string; address: string; chainId: number };

/**
 * An admin makes a kit from a runbook's `cast send` action: the console encodes it as a proposal would,
 * refuses value and DELEGATECALL, simulates it, and opens the kit page where owners sign the ladder.
 */
export function NewKitForm({ sources, safes }: { sources: KitSource[]; safes: Safe[] }) {
  const router = useRouter();
  const [source, setSource] = useState(sources[0]?.ref ?? "");
  const [safeId, setSafeId] = useState("");
  const [name, setName] = useState(sources[0] ? `Pre-signed: ${sources[0].section}` : "");
  const [isNameEdited, setIsNameEdited] = useState(false);
  const [ladderLength, setLadderLength] = useState("5");
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);
  if (sources.length === 0)
    return <p className="text-sm text-zinc-400">Import a runbook with a `cast send` action first.</p>;
  return (
    <form
      className="max-w-2xl space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        setIsBusy(true);
        setError(null);
        try {
          const kit = await apiFetch<{ id: string }>("/api/kits", {
            method: "POST",
            json: { name, safeId, runbook: source, ladderLength },
          });
          router.push(`/readiness/${kit.id}`);
        } catch (cause) {
          setError(toApiError(cause));
          setIsBusy(false);
        }
      }}
    >
      <label className="block text-sm" htmlFor="kit-runbook">
        Runbook action
      </label>
      <select
        id="kit-runbook"
        className={INPUT_CLASS}
        value={source}
        name="runbook"
        onChange={(e) => {
          setSource(e.target.value);
          const chosen = sources.find((s) => s.ref === e.target.value);
          if (chosen && !isNameEdited) setName(`Pre-signed: ${chosen.section}`);
        }}
      >
        {sources.map((s) => (
          <option key={s.ref} value={s.ref}>
            {s.isPauseLike ? "" : "(not a pause) "}
            {s.label}
          </option>
        ))}
      </select>
      <FieldError error={error} path="runbook" label="Runbook action" />
      <FieldError error={error} path="calls" label="Calls" />
      <label className="block text-sm" htmlFor="kit-safe">
        Safe that signs it
      </label>
      <select
        id="kit-safe"
        className={INPUT_CLASS}
        value={safeId}
        name="safeId"
        onChange={(e) => setSafeId(e.target.value)}
      >
        <option value="">Choose a Safe…</option>
        {safes.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label} ({s.address.slice(0, 6)}…{s.address.slice(-4)}, chain {s.chainId})
          </option>
        ))}
      </select>
      <FieldError error={error} path="safeId" label="Safe" />
      <label className="block text-sm" htmlFor="kit-name">
        Name
      </label>
      <input
        id="kit-name"
        className={INPUT_CLASS}
        value={name}
        name="name"
        maxLength={120}
        onChange={(e) => {
          setName(e.target.value);
          setIsNameEdited(true);
        }}
      />
      <FieldError error={error} path="name" label="Name" />
      <label className="block text-sm" htmlFor="kit-ladder">
        Nonces to pre-sign (the ladder)
      </label>
      <input
        id="kit-ladder"
        className={INPUT_CLASS}
        type="number"
        min={1}
        max={20}
        value={ladderLength}
        name="ladderLength"
        onChange={(e) => setLadderLength(e.target.value)}
      />
      <FieldError error={error} path="ladderLength" label="Ladder" />
      <FormError error={error} />
      <Button type="submit" disabled={isBusy || !isHydrated}>
        {isBusy ? "Simulating…" : "Make kit"}
      </Button>
    </form>
  );
}
