"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/ui/api-client";
import type { BindableContract, PlaceholderBindingRow } from "@/lib/runbooks";

/** Each placeholder the runbooks use, and the registry contract it stands for. */
export function PlaceholderBindingsForm(props: {
  rows: PlaceholderBindingRow[];
  contracts: BindableContract[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [savingPlaceholder, setSavingPlaceholder] = useState<string | null>(null);

  async function bind(placeholder: string, contractId: string) {
    setError(null);
    setSavingPlaceholder(placeholder);
    try {
      await apiFetch("/api/settings/runbook-bindings", {
        method: "PUT",
        json: { placeholder, contractId: contractId === "" ? null : contractId },
      });
      router.refresh();
    } catch (cause) {
      setError(`${placeholder}: ${cause instanceof ApiError ? cause.message : String(cause)}`);
    } finally {
      setSavingPlaceholder(null);
    }
  }

  if (props.rows.length === 0)
    return (
      <p className="text-sm text-zinc-400">No runbook uses a placeholder yet. Import a runbook first.</p>
    );
  return (
    <div className="space-y-3">
      {error ? (
        <p role="alert" className="text-sm text-red-400">
          {error}
        </p>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="text-zinc-400">
          <tr>
            <th className="py-1 font-medium">Placeholder</th>
            <th className="py-1 font-medium">Contract</th>
            <th className="hidden py-1 font-medium md:table-cell">Used by</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.placeholder} className="border-t border-zinc-800 align-top">
              <td className="py-2 font-mono">{row.placeholder}</td>
              <td className="py-2">
                {props.canEdit ? (
                  <select
                    aria-label={`Contract for ${row.placeholder}`}
                    value={row.contract?.id ?? ""}
                    disabled={savingPlaceholder === row.placeholder}
                    onChange={(event) => bind(row.placeholder, event.target.value)}
                    className="w-full max-w-xs rounded border border-zinc-700 bg-zinc-900 px-2 py-1"
                  >
                    <option value="">— not bound —</option>
                    {props.contracts.map((contract) => (
                      <option key={contract.id} value={contract.id}>
                        {contract.name} ({contract.address.slice(0, 8)}…, chain {contract.chainId})
                      </option>
                    ))}
                  </select>
                ) : row.contract ? (
                  `${row.contract.name} (${row.contract.address})`
                ) : (
                  <span className="text-amber-300">not bound</span>
                )}
                {row.contract && !row.isExplicit ? (
                  <span className="block text-xs text-zinc-500">from the registry's placeholder list</span>
                ) : null}
              </td>
              <td className="hidden py-2 text-xs md:table-cell">
                {row.runbooks.map((runbook) => (
                  <Link
                    key={runbook.documentId}
                    href={`/runbooks/${runbook.documentId}`}
                    className="block text-sky-300 hover:underline"
                  >
                    {runbook.title}
                  </Link>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
