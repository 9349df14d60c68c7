"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { createSiweMessage } from "viem/siwe";
import { useAccount, useConnect, useDisconnect, useSignMessage } from "wagmi";
import { injected } from "wagmi/connectors";
import { WalletConnectButton } from "@/components/providers/wallet-connect-button";
import { NoWalletHelp } from "@/components/safe/no-wallet-help";
import { Button } from "@/components/ui/button";
import { safeCallbackUrl } from "@/lib/auth/browser";

export function LoginForm({
  chains,
  initialError,
  callbackUrl,
}: {
  chains: { id: number; name: string }[];
  /** Already a known message (the page maps `?error=` codes; unknown text is never shown). */
  initialError?: string;
  /** Already a safe same-origin path (the page checks it). */
  callbackUrl: string;
}) {
  const router = useRouter();
  const chainIds = chains.map((chain) => chain.id);
  const { address, chainId, isConnected } = useAccount();
  const { connectAsync, isPending: isConnecting } = useConnect();
  const { disconnect } = useDisconnect();
  const { signMessageAsync } = useSignMessage();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [isSigning, setIsSigning] = useState(false);

  const [hasNoWallet, setHasNoWallet] = useState(false);
  async function connect() {
    setError(null);
    // A first-time visitor without a wallet is told what to install and how to add the chain.
    if (!(window as { ethereum?: unknown }).ethereum) {
      setHasNoWallet(true);
      return;
    }
    try {
      await connectAsync({ connector: injected() });
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "No browser wallet answered.");
    }
  }

  async function signInWithEthereum() {
    if (!address) return;
    setError(null);
    setIsSigning(true);
    try {
      const nonceResponse = await fetch("/api/siwe/nonce", { cache: "no-store" });
      if (!nonceResponse.ok) throw new Error("The server could not issue a sign-in nonce.");
      const { nonce } = (await nonceResponse.json()) as { nonce: string };
      const now = new Date();
      const message = createSiweMessage({
        domain: window.location.host,
        address,
        statement: "Sign in to Breakglass.",
        uri: window.location.origin,
        version: "1",
        chainId: chainId && chainIds.includes(chainId) ? chainId : (chainIds[0] ?? 1),
        nonce,
        issuedAt: now,
        expirationTime: new Date(now.getTime() + 10 * 60_000),
      });
      const signature = await signMessageAsync({ message });
      const result = await signIn("siwe", { message, signature, redirect: false });
      if (!result || result.error) throw new Error(result?.error ?? "Sign-in failed.");
      router.replace(safeCallbackUrl(callbackUrl));
      router.refresh();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Sign-in failed.");
    } finally {
      setIsSigning(false);
    }
  }

  return (
    <div className="mt-8 space-y-4">
      {!isConnected ? (
        <>
          <Button onClick={connect} disabled={isConnecting} className="w-full">
            {isConnecting ? "Connecting…" : "Connect wallet"}
          </Button>
          <WalletConnectButton className="w-full" />
        </>
      ) : (
        <>
          <p
            className="rounded border border-zinc-800 bg-zinc-900 p-3 font-mono text-sm break-all"
            data-testid="connected-address"
          >
            {address}
          </p>
          <Button onClick={signInWithEthereum} disabled={isSigning} className="w-full">
            {isSigning ? "Check your wallet…" : "Sign in with Ethereum"}
          </Button>
          <button type="button" onClick={() => disconnect()} className="text-sm text-zinc-400 underline">
            Use another wallet
          </button>
        </>
      )}
      {hasNoWallet ? (
        <NoWalletHelp chainId={chains[0]?.id ?? 31337} chainName={chains[0]?.name ?? "Local"} />
      ) : null}
      {error ? (
        <p role="alert" className="rounded border border-red-800 bg-red-950 p-3 text-sm text-red-200">
          {error}
        </p>
      ) : null}
    </div>
  );
}
