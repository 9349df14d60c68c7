"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import type { FormContract, FormSafe } from "@/lib/safe";
import { CallEditor, inputsOf } from "./call-editor";
import type { FormCall } from "./form-types";
import { SafeDuties } from "./safe-duties";

const input = "w-full rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100";
const emptyCall: FormCall = { contractId: "", isTyped: false, signature: "", args: [], value: "0" };

export type ProposalFormInitial = {
  title: string;
  safeId: string;
  calls: FormCall[];
  runbook: string | null;
  timelockId: string | null;
  /** The guardrail this proposal meets as the page was read (the server checks again on Propose). */
  guard?: string | null;
};

/** New Safe proposal: one or more calls (a batch becomes one MultiSendCallOnly transaction), a Safe, a nonce. */
export function ProposalForm({
  incidentRef,
  contracts,
  safes,
  initial,
}: {
  incidentRef: string;
  contracts: FormContract[];
  safes: FormSafe[];
  initial: ProposalFormInitial;
}) {
  const router = useRouter();
  const [title, setTitle] = useState(initial.title);
  const [safeId, setSafeId] = useState(initial.safeId);
  const [nonce, setNonce] = useState("");
  const [calls, setCalls] = useState<FormCall[]>(initial.calls.length ? initial.calls : [emptyCall]);
  const [error, setError] = useState<ApiError | null>(null);
  const [overrideReason, setOverrideReason] = useState("");
  // The server's answer wins (it checks again at Propose); until then, what the page found.
  const guard = error?.fieldMessage("override") ?? initial.guard ?? undefined;
  const [isSubmitting, setIsSubmitting] = useState(false);
  const fieldError = (path: string) => error?.fieldMessage(path);

  const firstCall = calls[0]!;
  const dutyCall = useMemo(() => {
    const inputs = inputsOf(firstCall, contracts);
    if (!firstCall.contractId || !firstCall.signature || !inputs) return null;
    if (inputs.some((_, i) => !firstCall.args[i])) return null;
    return {
      contractId: firstCall.contractId,
      signature: firstCall.signature,
      args: toArgs(firstCall.args),
      value: firstCall.value || "0",
    };
  }, [firstCall, contracts]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    setIsSubmitting(true);
    try {
      const body = {
        safeId,
        title,
        calls: calls.map((c) => ({
          contractId: c.contractId || undefined,
          signature: c.signature,
          args: toArgs(c.args),
          value: c.value || "0",
        })),
        ...(nonce.trim() ? { nonce: Number(nonce) } : {}),
        ...(initial.runbook ? { runbook: initial.runbook } : {}),
        ...(initial.timelockId ? { timelockId: initial.timelockId } : {}),
        ...(overrideReason.trim() ? { override: { reason: overrideReason.trim() } } : {}),
      };
      const created = await apiFetch<{ id: string }>(`/api/incidents/${incidentRef}/proposals`, {
        method: "POST",
        json: body,
      });
      router.push(`/proposals/${created.id}`);
    } catch (cause) {
      setError(toApiError(cause));
      setIsSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-5">
      {/* First on the form: a commander deciding to override must read why before anything else. */}
      {guard || overrideReason ? (
        <div
          className="space-y-2 rounded-lg border border-amber-600/70 bg-amber-950/30 p-3 text-sm"
          data-testid="guardrail"
        >
          <p className="font-semibold text-amber-200">Guardrail</p>
          {guard ? <p className="text-amber-100">{guard}</p> : null}
          <label className="block">
            <span className="text-zinc-300">
              Commander's override: why propose anyway? (recorded on the timeline)
            </span>
            <textarea
              aria-label="Override reason"
              className={input}
              rows={2}
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
            />
          </label>
        </div>
      ) : null}
      <label className="block text-sm">
        <span className="text-zinc-300">Proposal title</span>
        <input
          aria-label="Proposal title"
          className={input}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        {fieldError("title") && <span className="text-xs text-red-300">{fieldError("title")}</span>}
      </label>
      {calls.map((call, index) => (
        <CallEditor
          // biome-ignore lint/suspicious/noArrayIndexKey: calls have no identity beyond their position.
          key={index}
          index={index}
          call={call}
          contracts={contracts}
          fieldError={fieldError}
          onChange={(next) => setCalls(calls.map((c, i) => (i === index ? next : c)))}
          onRemove={calls.length > 1 ? () => setCalls(calls.filter((_, i) => i !== index)) : undefined}
        />
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          setCalls([...calls, { ...emptyCall, contractId: calls[calls.length - 1]!.contractId }])
        }
      >
        Add a call (batch)
      </Button>
      {calls.length > 1 && (
        <p className="text-sm text-amber-200">
          {calls.length} calls become one MultiSendCallOnly transaction (operation DELEGATECALL to the known
          MultiSendCallOnly contract): all or nothing.
        </p>
      )}
      <label className="block text-sm">
        <span className="text-zinc-300">Safe</span>
        <select
          aria-label="Safe"
          className={input}
          value={safeId}
          onChange={(e) => setSafeId(e.target.value)}
        >
          <option value="">Choose a Safe…</option>
          {safes.map((safe) => (
            <option key={safe.id} value={safe.id}>
              {safe.label} ({safe.address.slice(0, 8)}…)
            </option>
          ))}
        </select>
        {fieldError("safeId") && <span className="text-xs text-red-300">{fieldError("safeId")}</span>}
      </label>
      <SafeDuties safes={safes} chosenSafeId={safeId} call={dutyCall} />
      <label className="block text-sm">
        <span className="text-zinc-300">
          Nonce (empty: next free nonce after the chain's and the queue's)
        </span>
        <input
          aria-label="Nonce"
          inputMode="numeric"
          className={`${input} font-mono`}
          value={nonce}
          onChange={(e) => setNonce(e.target.value)}
        />
        {fieldError("nonce") && <span className="text-xs text-red-300">{fieldError("nonce")}</span>}
      </label>
      {initial.runbook && <p className="text-xs text-zinc-500">{describeRunbookSource(initial.runbook)}</p>}
      {error && !guard && (
        <p role="alert" className="break-words text-sm text-red-300">
          {humanizePaths(error.message)}
        </p>
      )}
      <Button type="submit" disabled={isSubmitting} className="min-h-11 w-full sm:w-auto">
        {isSubmitting ? "Building, hashing, simulating…" : guard ? "Override and propose" : "Propose"}
      </Button>
    </form>
  );
}

/** Arrays and tuples are typed as JSON; everything else goes as text and the server parses it by ABI type. */
function toArgs(args: string[]): unknown[] {
  return args.map((arg) => {
    const trimmed = arg.trim();
    if (trimmed.startsWith("[")) {
      try {
        return JSON.parse(trimmed);
      } catch {
        return arg;
      }
    }
    return arg;
  });
}

/** `calls.0.args.1: …` (the schema's path) → `Call 1, argument 2: …`, as the form labels them. */
export function humanizePaths(message: string): string {
  return message
    .replace(/\bcalls\.(\d+)\.args\.(\d+)/g, (_, c, a) => `Call ${Number(c) + 1}, argument ${Number(a) + 1}`)
    .replace(
      /\bcalls\.(\d+)\.(\w+)/g,
      (_, c, field) => `Call ${Number(c) + 1}, ${field === "contractId" ? "contract" : field}`,
    )
    .replace(/\bsafeId\b/g, "Safe");
}

/** `<versionId>:<anchor>:<actionIndex>` → `From the runbook section "global pause" (action 1)`. */
function describeRunbookSource(source: string): string {
  const [, anchor = "", index = "0"] = source.split(":");
  return `From the runbook section "${anchor.replace(/-/g, " ")}" (action ${Number(index) + 1})`;
}
