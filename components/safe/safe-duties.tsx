"use client";

import { useEffect, useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import type { FormSafe, SafeCallCheck } from "@/lib/safe";

/**
 * Separation of duties, visible while proposing: the roles each Safe holds, and for the call being written,
 * which Safe may make it (simulated from each Safe on the current chain state).
 */
export function SafeDuties({
  safes,
  chosenSafeId,
  call,
}: {
  safes: FormSafe[];
  chosenSafeId: string;
  call: { contractId: string; signature: string; args: unknown[]; value: string } | null;
}) {
  const [checks, setChecks] = useState<SafeCallCheck[] | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const key = JSON.stringify(call);
  // Re-check when the call's content changes, not on every render's new object.
  useEffect(() => {
    setChecks(null);
    setCheckError(null);
    const call = JSON.parse(key) as unknown;
    if (!call) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      apiFetch<{ safes: SafeCallCheck[] }>("/api/safes/check-call", { method: "POST", json: call })
        .then((result) => isCurrent && setChecks(result.safes))
        // e.g. the chain is unreachable: say so; proposing still works (it is simulated before execution).
        .catch((error: unknown) => {
          if (!isCurrent) return;
          setChecks(null);
          setCheckError(error instanceof ApiError && error.status === 503 ? error.message : null);
        });
    }, 300);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [key]);
  const chosen = checks?.find((c) => c.safeId === chosenSafeId);
  return (
    <div className="space-y-2 text-sm">
      <ul className="space-y-1">
        {safes.map((safe) => (
          <li key={safe.id} className="text-zinc-300">
            <span className="font-semibold">{safe.label}</span> ({safe.threshold ?? "?"} of {safe.ownerCount}
            ):{" "}
            <span className="text-zinc-400">
              {safe.roles.length
                ? safe.roles.map((r) => `${r.role} on ${r.contract}`).join(", ")
                : "no roles read yet"}
            </span>
          </li>
        ))}
      </ul>
      {checkError && (
        <p data-testid="safe-call-check-error" className="text-amber-300">
          {checkError}
        </p>
      )}
      {checks && (
        <ul className="space-y-1" data-testid="safe-call-checks">
          {checks.map((check) => (
            <li key={check.safeId} className={check.isAllowed ? "text-emerald-300" : "text-zinc-400"}>
              {check.isAllowed ? "✓" : "✗"} {check.label}:{" "}
              {check.isAllowed ? "can make this call" : check.reason}
            </li>
          ))}
        </ul>
      )}
      {chosen && !chosen.isAllowed && (
        <p
          role="alert"
          data-testid="safe-lacks-role"
          className="rounded border border-red-600/60 bg-red-950/40 p-2 text-red-200"
        >
          {chosen.label} cannot make this call{chosen.missingRole ? ` (it lacks ${chosen.missingRole})` : ""}.
          {checks?.some((c) => c.isAllowed) &&
            ` Use ${checks
              .filter((c) => c.isAllowed)
              .map((c) => c.label)
              .join(" or ")}.`}
        </p>
      )}
    </div>
  );
}
