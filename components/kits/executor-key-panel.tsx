"use client";

import { useState } from "react";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import { useApiAction } from "@/components/ui/use-api-action";

type Executor = { label: string; address: string; balances: { chain: string; ether: string | null }[] };

/** Admins set (or replace) and remove the executor key; the field is cleared after saving and never refilled. */
export function ExecutorKeyPanel({ executor }: { executor: Executor | null }) {
  const { error, run } = useApiAction();
  const [label, setLabel] = useState(executor?.label ?? "Break-glass executor");
  const [privateKey, setPrivateKey] = useState("");
  return (
    <div className="max-w-2xl space-y-4">
      {executor ? (
        <div className="space-y-1 rounded border border-zinc-800 p-3 text-sm" data-testid="executor-key">
          <p>
            <strong>{executor.label}</strong>: <code className="break-all font-mono">{executor.address}</code>
          </p>
          <ul className="text-zinc-400">
            {executor.balances.map((b) => (
              <li key={b.chain}>
                {b.chain}: {b.ether ?? "unreadable"} ETH
              </li>
            ))}
          </ul>
          <Button
            variant="secondary"
            onClick={() => run(() => apiFetch("/api/settings/executor-key", { method: "DELETE" }))}
          >
            Remove the key
          </Button>
        </div>
      ) : (
        <p className="text-sm text-zinc-400">
          No executor key: responders break the glass from their own wallet.
        </p>
      )}
      <form
        className="space-y-2"
        onSubmit={async (event) => {
          event.preventDefault();
          await run(async () => {
            await apiFetch("/api/settings/executor-key", { method: "PUT", json: { label, privateKey } });
            setPrivateKey("");
          });
        }}
      >
        <label className="block text-sm">
          Label
          <input
            className={INPUT_CLASS}
            value={label}
            name="label"
            maxLength={80}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <FieldError error={error} path="label" label="Label" />
        <label className="block text-sm">
          Private key (0x + 64 hex digits)
          <input
            className={INPUT_CLASS}
            type="password"
            autoComplete="off"
            value={privateKey}
            name="privateKey"
            onChange={(e) => setPrivateKey(e.target.value)}
          />
        </label>
        <FieldError error={error} path="privateKey" label="Private key" />
        <FormError error={error} />
        <Button type="submit">{executor ? "Replace the key" : "Save the key"}</Button>
      </form>
    </div>
  );
}
