"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

const input = "w-full rounded-md border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-100";

/** Re-reads owners, threshold, nonce and roles from the chain. */
export function RefreshSafeButton({ safeId }: { safeId: string }) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | string>("idle");
  return (
    <span className="flex items-center gap-2">
      <Button
        variant="secondary"
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          try {
            await apiFetch(`/api/safes/${safeId}/refresh`, { method: "POST" });
            setState("idle");
            router.refresh();
          } catch (error) {
            setState((error as Error).message);
          }
        }}
      >
        {state === "busy" ? "Reading…" : "Refresh from chain"}
      </Button>
      {state !== "idle" && state !== "busy" && (
        <span role="alert" className="text-xs text-red-300">
          {state}
        </span>
      )}
    </span>
  );
}

/** Admins add contracts (with an ABI, validated) and Safes (checked on chain). */
export function RegistryForms({ chains }: { chains: { id: number; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<{ form: string; error: ApiError } | null>(null);
  const [contract, setContract] = useState({
    name: "",
    address: "",
    abi: "",
    placeholders: "",
    chainId: chains[0]?.id ?? 1,
  });
  const [safe, setSafe] = useState({ label: "", address: "", chainId: chains[0]?.id ?? 1 });
  const fieldError = (form: string, path: string) =>
    error?.form === form ? error.error.fieldMessage(path) : undefined;

  async function submit(form: "contract" | "safe", url: string, json: unknown) {
    setError(null);
    try {
      await apiFetch(url, { method: "POST", json });
      router.refresh();
    } catch (cause) {
      setError({ form, error: toApiError(cause) });
    }
  }
  const chainSelect = (value: number, onChange: (id: number) => void, label: string) => (
    <select
      aria-label={label}
      className={input}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
    >
      {chains.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} ({c.id})
        </option>
      ))}
    </select>
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit("contract", "/api/settings/registry/contracts", {
            ...contract,
            placeholders: contract.placeholders
              .split(",")
              .map((p) => p.trim())
              .filter(Boolean),
          });
        }}
      >
        <h2 className="text-lg font-semibold">Add a contract</h2>
        <input
          aria-label="Contract name"
          placeholder="Name"
          className={input}
          value={contract.name}
          onChange={(e) => setContract({ ...contract, name: e.target.value })}
        />
        {chainSelect(contract.chainId, (chainId) => setContract({ ...contract, chainId }), "Contract chain")}
        <input
          aria-label="Contract address"
          placeholder="0x…"
          className={`${input} font-mono`}
          value={contract.address}
          onChange={(e) => setContract({ ...contract, address: e.target.value })}
        />
        {fieldError("contract", "address") && (
          <p className="text-xs text-red-300">{fieldError("contract", "address")}</p>
        )}
        <textarea
          aria-label="ABI JSON"
          placeholder='ABI JSON: [{"type":"function",…}]'
          rows={5}
          className={`${input} font-mono`}
          value={contract.abi}
          onChange={(e) => setContract({ ...contract, abi: e.target.value })}
        />
        {fieldError("contract", "abi") && (
          <p className="text-xs text-red-300">{fieldError("contract", "abi")}</p>
        )}
        <input
          aria-label="Runbook placeholders"
          placeholder="$PLACEHOLDER, <ADDRESS> (comma-separated)"
          className={input}
          value={contract.placeholders}
          onChange={(e) => setContract({ ...contract, placeholders: e.target.value })}
        />
        {error?.form === "contract" && (
          <p role="alert" className="text-sm text-red-300">
            {error.error.message}
          </p>
        )}
        <Button type="submit">Add contract</Button>
      </form>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          void submit("safe", "/api/settings/registry/safes", safe);
        }}
      >
        <h2 className="text-lg font-semibold">Add a Safe</h2>
        <input
          aria-label="Safe label"
          placeholder="Label"
          className={input}
          value={safe.label}
          onChange={(e) => setSafe({ ...safe, label: e.target.value })}
        />
        {chainSelect(safe.chainId, (chainId) => setSafe({ ...safe, chainId }), "Safe chain")}
        <input
          aria-label="Safe address"
          placeholder="0x…"
          className={`${input} font-mono`}
          value={safe.address}
          onChange={(e) => setSafe({ ...safe, address: e.target.value })}
        />
        {fieldError("safe", "address") && (
          <p className="text-xs text-red-300">{fieldError("safe", "address")}</p>
        )}
        {error?.form === "safe" && (
          <p role="alert" className="text-sm text-red-300">
            {error.error.message}
          </p>
        )}
        <Button type="submit">Add Safe</Button>
      </form>
    </div>
  );
}
