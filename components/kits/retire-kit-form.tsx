"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * Retiring a kit (commanders) destroys its stored signatures, so it sits behind a disclosure and a reason:
 * nobody retires the pause they will need tonight by a stray click.
 */
export function RetireKitForm(props: { kitId: string; storedSignatures: number }) {
  const { error, run } = useApiAction();
  const [reason, setReason] = useState("");
  const [isBusy, setBusy] = useState(false);
  const retire = async () => {
    setBusy(true);
    await run(() => apiFetch(`/api/kits/${props.kitId}/retire`, { method: "POST", json: { reason } }));
    setBusy(false);
  };
  return (
    <details className="space-y-2 text-sm" data-testid="retire-kit">
      <summary className="cursor-pointer font-semibold text-red-300">Retire this kit…</summary>
      <p className="text-zinc-300">
        It will no longer be offered on incidents, rechecked, signed or run by an alert, and its{" "}
        {props.storedSignatures} stored signature{props.storedSignatures === 1 ? "" : "s"} will be destroyed.
        Copies in an offline vault stay valid on chain until the Safe&apos;s nonce passes them.
      </p>
      <label className="block max-w-xl">
        Reason (on the kit&apos;s audit log)
        <textarea
          className={INPUT_CLASS}
          name="reason"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div>
        <FieldError error={error} path="reason" />
      </div>
      <FormError error={error} />
      <Button variant="danger" onClick={retire} disabled={isBusy}>
        Retire and destroy the stored signatures
      </Button>
    </details>
  );
}
