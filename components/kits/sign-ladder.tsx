"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAccount, useConnect, useSignTypedData } from "wagmi";
import { injected } from "wagmi/connectors";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { type SafeTxFields, safeTxTypedData } from "@/lib/safe/browser";

type Props = {
  kitId: string;
  chainId: number;
  safeAddress: string;
  /** The kit's SafeTx without its nonce (the browser builds each nonce's typed data itself). */
  tx: Omit<SafeTxFields, "nonce">;
  owners: string[];
  /** Per nonce of the ladder window, who already signed (under the current configuration). */
  steps: { nonce: number; signers: string[] }[];
};

/** An owner signs every missing nonce of the ladder, one wallet prompt after another, with progress. */
export function SignLadder(props: Props) {
  const router = useRouter();
  const { address, isConnected } = useAccount();
  const { connectAsync } = useConnect();
  const { signTypedDataAsync } = useSignTypedData();
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isOwner = Boolean(address && props.owners.some((o) => o.toLowerCase() === address.toLowerCase()));
  const missing = address
    ? props.steps.filter((s) => !s.signers.some((o) => o.toLowerCase() === address.toLowerCase()))
    : [];

  async function sign() {
    if (!address) return;
    setError(null);
    try {
      for (const [i, step] of missing.entries()) {
        setProgress(`Signing nonce ${step.nonce} (${i + 1} of ${missing.length})…`);
        const signature = await signTypedDataAsync({
          account: address,
          ...safeTxTypedData(props.chainId, props.safeAddress, { ...props.tx, nonce: step.nonce }),
        });
        await apiFetch(`/api/kits/${props.kitId}/signatures`, {
          method: "POST",
          json: { nonce: step.nonce, signature, signer: address },
        });
      }
      await apiFetch(`/api/kits/${props.kitId}/signatures`, { method: "PUT" });
      setProgress(`Signed ${missing.length} nonce${missing.length === 1 ? "" : "s"}.`);
      router.refresh();
    } catch (cause) {
      setError((cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message);
      setProgress(null);
    }
  }

  if (!isConnected)
    return (
      <Button onClick={() => connectAsync({ connector: injected() }).catch(() => undefined)}>
        Connect wallet
      </Button>
    );
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-400">
        Wallet{" "}
        <code className="break-all font-mono text-xs" data-testid="wallet-address">
          {address}
        </code>
        {isOwner ? " is an owner of this Safe." : " is not an owner of this Safe: it cannot sign the kit."}
      </p>
      {isOwner && missing.length > 0 && (
        <Button onClick={sign} disabled={progress?.endsWith("…") ?? false}>
          Sign the ladder ({missing.length} nonce{missing.length === 1 ? "" : "s"})
        </Button>
      )}
      {isOwner && missing.length === 0 && (
        <p className="text-sm text-emerald-300">You have signed every step.</p>
      )}
      {progress && (
        <p role="status" data-testid="ladder-progress" className="text-sm text-emerald-300">
          {progress}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
