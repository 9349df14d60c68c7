"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Hex } from "viem";
import { useAccount, useConnect, useSignTypedData, useWriteContract } from "wagmi";
import { injected } from "wagmi/connectors";
import { WalletConnectButton } from "@/components/providers/wallet-connect-button";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import {
  type ExecutionPlan,
  isOpenProposalState,
  type SafeTxFields,
  safeAbi,
  safeTxTypedData,
  toExecTransactionArgs,
} from "@/lib/safe/browser";
import { NoWalletHelp } from "./no-wallet-help";

type Plan = Omit<ExecutionPlan, "signers">;

type Props = {
  proposalId: string;
  chainId: number;
  chainName: string;
  safeAddress: string;
  fields: SafeTxFields;
  owners: string[];
  signed: string[];
  state: string;
  count: number;
  threshold: number;
  canAct: boolean;
  isRejection: boolean;
};

/**
 * Sign (EIP-712 in the connected wallet), execute at threshold (any wallet), simulate again, reject. The page
 * follows other signers through its live stream (ProposalLive); this only refreshes after its own actions.
 */
export function ProposalActions(props: Props) {
  const router = useRouter();
  const { address, isConnected } = useAccount();
  const { connectAsync } = useConnect();
  const { signTypedDataAsync } = useSignTypedData();
  const { writeContractAsync } = useWriteContract();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const isOpen = isOpenProposalState(props.state);

  const isOwner = Boolean(address && props.owners.some((o) => o.toLowerCase() === address.toLowerCase()));
  const hasSigned = Boolean(address && props.signed.some((o) => o.toLowerCase() === address.toLowerCase()));
  const isAtThreshold = props.threshold > 0 && props.count >= props.threshold;

  async function run(label: string, work: () => Promise<string | undefined>) {
    setBusy(label);
    setMessage(null);
    try {
      const text = await work();
      if (text) setMessage({ kind: "info", text });
      router.refresh();
    } catch (error) {
      const text =
        error instanceof Error
          ? ((error as { shortMessage?: string }).shortMessage ?? error.message)
          : String(error);
      setMessage({ kind: "error", text });
    } finally {
      setBusy(null);
    }
  }

  const sign = () =>
    run("sign", async () => {
      if (!address) throw new Error("Connect a wallet first.");
      const signature = await signTypedDataAsync({
        account: address,
        ...safeTxTypedData(props.chainId, props.safeAddress, props.fields),
      });
      await apiFetch(`/api/proposals/${props.proposalId}/signatures`, {
        method: "POST",
        json: { signature, signer: address },
      });
      return "Signature accepted.";
    });

  const execute = () =>
    run("execute", async () => {
      const plan = await apiFetch<Plan>(`/api/proposals/${props.proposalId}/execution`, { method: "POST" });
      let txHash: Hex;
      try {
        txHash = await writeContractAsync({
          chainId: plan.chainId,
          address: plan.safeAddress,
          abi: safeAbi,
          functionName: "execTransaction",
          args: toExecTransactionArgs(plan.args),
        });
      } catch (error) {
        // Nothing was sent: give the execution lock back so someone else can execute.
        await apiFetch(`/api/proposals/${props.proposalId}/execution`, { method: "DELETE" }).catch(
          () => undefined,
        );
        throw error;
      }
      setMessage({ kind: "info", text: `Transaction ${txHash} sent; waiting for the receipt…` });
      const result = await apiFetch<{ state: string; verificationErrors: string[] }>(
        `/api/proposals/${props.proposalId}/execution`,
        {
          method: "PUT",
          json: { txHash },
        },
      );
      return `Proposal ${result.state}.${result.verificationErrors.length ? ` Verification problems: ${result.verificationErrors.join("; ")}` : ""}`;
    });

  const simulate = () =>
    run("simulate", async () => {
      const result = await apiFetch<{ summary: string }>(`/api/proposals/${props.proposalId}/simulation`, {
        method: "POST",
      });
      return result.summary;
    });

  const reject = () =>
    run("reject", async () => {
      const created = await apiFetch<{ id: string }>(`/api/proposals/${props.proposalId}/rejection`, {
        method: "POST",
      });
      router.push(`/proposals/${created.id}`);
      return undefined;
    });

  const [hasNoWallet, setHasNoWallet] = useState(false);
  const connect = () =>
    run("connect", async () => {
      // No injected provider: say what to install and how to add the chain, not the library's error.
      if (typeof window !== "undefined" && !(window as { ethereum?: unknown }).ethereum) {
        setHasNoWallet(true);
        return undefined;
      }
      await connectAsync({ connector: injected() });
      return undefined;
    });

  if (!isOpen) return null;
  if (!props.canAct)
    return (
      <p className="text-sm text-zinc-400" data-testid="viewer-note">
        You are a viewer: you can follow this proposal, not sign or execute it (that needs the responder
        role).
      </p>
    );
  return (
    <div className="space-y-2">
      {!isConnected ? (
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={connect} disabled={busy !== null} className="min-h-11">
            Connect wallet
          </Button>
          <WalletConnectButton />
          <span className="text-sm text-zinc-400">to sign or execute with your wallet.</span>
        </div>
      ) : (
        <p className="text-sm text-zinc-400">
          Wallet{" "}
          <code className="break-all font-mono text-xs" data-testid="wallet-address">
            {address}
          </code>
          {isOwner
            ? " is an owner of this Safe."
            : isAtThreshold
              ? " is not an owner of this Safe: it cannot sign, but it can execute now."
              : ` is not an owner of this Safe: it cannot sign; anyone can execute once ${props.threshold} owners have signed.`}
        </p>
      )}
      {hasNoWallet ? <NoWalletHelp chainId={props.chainId} chainName={props.chainName} /> : null}
      <div className="flex flex-wrap gap-2">
        {isConnected && isOwner && !hasSigned && (
          <Button onClick={sign} disabled={busy !== null} className="min-h-11 flex-1 sm:flex-none">
            {busy === "sign" ? "Waiting for the wallet…" : "Sign"}
          </Button>
        )}
        {isConnected && hasSigned && (
          <span className="self-center text-sm text-emerald-300">You have signed.</span>
        )}
        {isConnected && isAtThreshold && (
          <Button onClick={execute} disabled={busy !== null} className="min-h-11 flex-1 sm:flex-none">
            {busy === "execute" ? "Executing…" : "Execute"}
          </Button>
        )}
        <Button variant="secondary" onClick={simulate} disabled={busy !== null}>
          {busy === "simulate" ? "Simulating…" : "Simulate again"}
        </Button>
        {!props.isRejection && (
          <Button variant="ghost" onClick={reject} disabled={busy !== null}>
            Propose rejection (same nonce)
          </Button>
        )}
      </div>
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`break-words text-sm ${message.kind === "error" ? "text-red-300" : "text-emerald-300"}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
