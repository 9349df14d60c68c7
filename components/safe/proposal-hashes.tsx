"use client";

import { useMemo } from "react";
import { hashSafeTransaction, type SafeTxFields } from "@/lib/safe/browser";

type Hashes = { safeTxHash: string; domainHash: string; messageHash: string };

/**
 * The three hashes, computed by the server from the stored fields AND here in the browser from the fields
 * shown on this page. A hardware wallet shows the domain and message hashes: the signer compares them.
 */
export function ProposalHashes({
  chainId,
  safeAddress,
  fields,
  server,
}: {
  chainId: number;
  safeAddress: string;
  fields: SafeTxFields;
  server: Hashes;
}) {
  const browser = useMemo(
    () => hashSafeTransaction(chainId, safeAddress, fields),
    [chainId, safeAddress, fields],
  );
  const rows: { key: keyof Hashes; label: string }[] = [
    { key: "safeTxHash", label: "safeTxHash" },
    { key: "domainHash", label: "Domain hash" },
    { key: "messageHash", label: "Message hash" },
  ];
  const isMatch = rows.every((row) => browser[row.key] === server[row.key]);
  return (
    <div className="space-y-2">
      <p
        data-testid="hash-match"
        data-match={isMatch}
        className={`rounded px-3 py-2 text-sm font-semibold ${isMatch ? "bg-emerald-500/10 text-emerald-300" : "bg-red-600/20 text-red-300"}`}
      >
        {isMatch
          ? "✓ Server and browser computed the same hashes independently."
          : "✗ The browser's hashes differ from the server's. Do not sign."}
      </p>
      <dl className="space-y-2">
        {rows.map((row) => (
          <div key={row.key} className="rounded border border-zinc-800 p-2">
            <dt className="text-xs uppercase tracking-wide text-zinc-400">{row.label}</dt>
            <dd className="mt-1 space-y-1 font-mono text-xs">
              <div className="break-all" data-testid={`server-${row.key}`}>
                <span className="mr-2 text-zinc-500">server</span>
                {server[row.key]}
              </div>
              <div className="break-all" data-testid={`browser-${row.key}`}>
                <span className="mr-2 text-zinc-500">browser</span>
                <span className={browser[row.key] === server[row.key] ? "" : "text-red-300"}>
                  {browser[row.key]}
                </span>
              </div>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
