"use client";

import { useEffect, useState } from "react";

/**
 * For a visitor with no browser wallet: what to install and how to add this console's chain, instead of a
 * connector library's "provider not found". The RPC URL shown is the console's read proxy (reads only); a
 * wallet that sends transactions needs the chain's own RPC (for the demo, the anvil URL `npm run demo` prints).
 */
export function NoWalletHelp({ chainId, chainName }: { chainId: number; chainName: string }) {
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const isLocal = chainId === 31337;
  return (
    <div
      role="note"
      data-testid="no-wallet-help"
      className="space-y-2 rounded-lg border border-sky-700/60 bg-sky-950/30 p-3 text-sm text-sky-100"
    >
      <p className="font-semibold">No browser wallet found.</p>
      <ol className="list-decimal space-y-1 pl-5">
        <li>
          Install a browser wallet extension such as MetaMask, Rabby or Frame (or open this page in your phone
          wallet's browser), then reload this page.
        </li>
        <li>
          Add the chain to it (Settings → Networks → Add a network manually):
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
            <dt className="text-sky-300">Network name</dt>
            <dd>{chainName}</dd>
            <dt className="text-sky-300">Chain ID</dt>
            <dd className="font-mono" data-testid="no-wallet-chain-id">
              {chainId}
            </dd>
            <dt className="text-sky-300">RPC URL</dt>
            <dd className="break-all font-mono">
              {isLocal
                ? "http://127.0.0.1:8545 (the demo's anvil, as `npm run demo` prints it)"
                : "your node's RPC URL"}
              <span className="block font-sans text-xs text-sky-300">
                Reads only, for signed-in members: {origin}/api/rpc/{chainId}
              </span>
            </dd>
            <dt className="text-sky-300">Currency symbol</dt>
            <dd>ETH</dd>
          </dl>
        </li>
        {isLocal ? (
          <li>Import one of the demo owners' keys that `npm run demo` prints (public anvil test keys).</li>
        ) : null}
      </ol>
    </div>
  );
}
