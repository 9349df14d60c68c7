"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { PassphraseField } from "./passphrase-field";

type ImportResult = { kitId: string; accepted: number; refused: number };

/**
 * Commanders bring a sealed kit file back from the vault: the server opens it with the passphrase, checks every
 * signature against the Safe's current owners like a fresh one, and says how many it kept and refused.
 */
export function ImportKitForm() {
  const router = useRouter();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  return (
    <form
      className="max-w-xl space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        setIsBusy(true);
        setError(null);
        setResult(null);
        try {
          const imported = await apiFetch<ImportResult>("/api/kits/import", {
            method: "POST",
            json: { file: file?.text ?? "", passphrase },
          });
          setResult(imported);
          setPassphrase("");
          router.refresh();
        } catch (cause) {
          setError(toApiError(cause));
        } finally {
          setIsBusy(false);
        }
      }}
    >
      <label className="block text-sm">
        Sealed kit file
        <input
          className={INPUT_CLASS}
          type="file"
          accept="application/json,.json"
          name="file"
          onChange={async (e) => {
            const chosen = e.target.files?.[0];
            // The route caps the file too; a vault file is a few KB.
            if (chosen && chosen.size > 200_000) {
              setFile(null);
              setError(null);
              return;
            }
            setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null);
          }}
        />
      </label>
      <FieldError error={error} path="file" label="File" />
      <PassphraseField
        label="Vault passphrase"
        value={passphrase}
        onChange={setPassphrase}
        autoComplete="current-password"
        error={error}
      />
      <FormError error={error} />
      <Button type="submit" variant="secondary" disabled={isBusy}>
        {isBusy ? "Opening…" : "Import kit file"}
      </Button>
      {result && (
        <p role="status" className="text-sm text-emerald-300">
          Imported: {result.accepted} signature{result.accepted === 1 ? "" : "s"} kept
          {result.refused > 0 &&
            `, ${result.refused} refused (signed by someone no longer an owner, or for a nonce already used)`}
          .
        </p>
      )}
    </form>
  );
}
