"use client";

import { useState } from "react";
import { ApiError, type FieldIssue, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { PassphraseField } from "./passphrase-field";

/**
 * Commanders export the kit for an offline vault: the server seals it with the passphrase (the signatures never
 * reach this page in the clear) and the browser saves the sealed file as it came. Every export is audited.
 */
export function KitVaultExport({ kitId }: { kitId: string }) {
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setIsBusy(true);
        setError(null);
        setSaved(null);
        try {
          const response = await fetch(`/api/kits/${kitId}/export`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ passphrase }),
          });
          if (!response.ok) {
            const body = (await response.json().catch(() => null)) as {
              error?: { message?: string; fields?: FieldIssue[] };
            } | null;
            throw new ApiError(
              body?.error?.message ?? `Export failed (${response.status})`,
              response.status,
              body?.error?.fields ?? [],
            );
          }
          const name =
            /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "kit.json";
          const url = URL.createObjectURL(await response.blob());
          const link = document.createElement("a");
          link.href = url;
          link.download = name;
          link.click();
          URL.revokeObjectURL(url);
          setSaved(name);
          setPassphrase("");
        } catch (cause) {
          setError(toApiError(cause));
        } finally {
          setIsBusy(false);
        }
      }}
    >
      <PassphraseField
        label="Vault passphrase (at least 12 characters)"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="new-password"
        error={error}
      />
      <FormError error={error} />
      <Button type="submit" variant="secondary" disabled={isBusy}>
        {isBusy ? "Sealing…" : "Export sealed file"}
      </Button>
      {saved && (
        <p role="status" className="text-sm text-emerald-300">
          Saved {saved}: keep it offline, with the passphrase apart from it.
        </p>
      )}
    </form>
  );
}
