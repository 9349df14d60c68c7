"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { FieldError, FormError, INPUT_CLASS } from "@/components/ui/field";
import type { ApiTokenRow } from "@/lib/auth";

/** lib/auth's token row with its times as ISO strings (the settings page converts them). */
type TokenRow = Omit<ApiTokenRow, "createdAt" | "lastUsedAt" | "revokedAt"> & {
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** API tokens: a new token is shown once, here, and never again (only its hash is stored). */
export function TokensPanel({ tokens }: { tokens: TokenRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(null);
    try {
      const body = await apiFetch<{ token: string; record: { name: string } }>("/api/settings/tokens", {
        method: "POST",
        json: Object.fromEntries(new FormData(form)),
      });
      setCreated({ name: body.record.name, token: body.token });
      form.reset();
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  async function revoke(id: string, name: string) {
    if (!window.confirm(`Revoke ${name}? Anything using it stops working at once.`)) return;
    setError(null);
    try {
      await apiFetch(`/api/settings/tokens/${id}`, { method: "DELETE" });
      router.refresh();
    } catch (cause) {
      setError(toApiError(cause));
    }
  }

  return (
    <div className="space-y-4">
      {created ? (
        <div
          role="status"
          className="space-y-1 rounded-md border border-amber-600 bg-amber-950/40 p-3 text-sm"
        >
          <p className="font-semibold">Token “{created.name}” — copy it now, it will not be shown again:</p>
          <code data-testid="new-token" className="block break-all rounded bg-zinc-900 p-2 font-mono">
            {created.token}
          </code>
          <Button
            variant="secondary"
            onClick={() => navigator.clipboard.writeText(created.token).catch(() => {})}
          >
            Copy
          </Button>
        </div>
      ) : null}
      <form
        onSubmit={create}
        className="grid gap-2 rounded border border-zinc-800 p-3 md:grid-cols-3"
        noValidate
      >
        <label className="text-sm">
          Token name
          <input name="name" required className={INPUT_CLASS} placeholder="pagerduty-bridge" />
          <FieldError error={error} path="name" />
        </label>
        <label className="text-sm">
          Role
          <select name="role" defaultValue="viewer" className={INPUT_CLASS}>
            <option>viewer</option>
            <option>responder</option>
            <option>commander</option>
            <option>admin</option>
          </select>
        </label>
        <div className="flex items-end">
          <Button type="submit">Create token</Button>
        </div>
      </form>
      <FormError error={error} />
      <table className="w-full text-left text-sm">
        <thead className="text-zinc-400">
          <tr>
            <th className="py-1 font-medium">Name</th>
            <th className="py-1 font-medium">Token</th>
            <th className="py-1 font-medium">Role</th>
            <th className="py-1 font-medium">Last used</th>
            <th className="py-1 font-medium" />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr
              key={token.id}
              className={`border-t border-zinc-800 ${token.revokedAt ? "text-zinc-500 line-through" : ""}`}
            >
              <td className="py-2">{token.name}</td>
              <td className="py-2 font-mono text-xs">{token.prefix}…</td>
              <td className="py-2">{token.role}</td>
              <td className="py-2 text-xs">
                {token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}
              </td>
              <td className="py-2 text-right">
                {token.revokedAt ? (
                  "revoked"
                ) : (
                  <Button variant="ghost" onClick={() => revoke(token.id, token.name)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
