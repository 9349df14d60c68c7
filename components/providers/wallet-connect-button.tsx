"use client";

import { useState } from "react";
import { useConnect, useConnectors } from "wagmi";
import { Button } from "@/components/ui/button";

/**
 * "Phone or hardware wallet (WalletConnect)": shown only when the operator configured a WalletConnect
 * project id (the connector exists); the browser-extension button beside it stays the default. The QR
 * modal is the connector's own; a pairing the relay refuses ends in one readable line, not a stack trace.
 */
export function WalletConnectButton({ className = "" }: { className?: string }) {
  const connector = useConnectors().find((candidate) => candidate.id === "walletConnect");
  const { connectAsync, isPending } = useConnect();
  const [error, setError] = useState<string | null>(null);
  if (!connector) return null;
  async function pair() {
    setError(null);
    try {
      await connectAsync({ connector: connector! });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : "";
      setError(
        /rejected|closed/i.test(message)
          ? "The pairing was cancelled."
          : "WalletConnect could not pair: check that the phone wallet is online and try again.",
      );
    }
  }
  return (
    <span className="flex flex-col gap-1">
      <Button
        variant="secondary"
        onClick={pair}
        disabled={isPending}
        className={`min-h-11 ${className}`}
        data-testid="walletconnect-button"
      >
        Phone or hardware wallet (WalletConnect)
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-300">
          {error}
        </span>
      ) : null}
    </span>
  );
}
