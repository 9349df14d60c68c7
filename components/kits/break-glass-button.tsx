"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { Hex } from "viem";
import { useAccount, useConnect, useSendTransaction } from "wagmi";
import { injected } from "wagmi/connectors";
import { apiFetch } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";

type WalletPlan = {
  mode: "wallet";
  executionId: string;
  incidentRef: string;
  chainId: number;
  to: Hex;
  data: Hex;
};
type ExecutorResult = { mode: "executor"; incidentRef: string; result: { isContained: boolean } };

/**
 * One button. With an executor key the server sends the transaction. Otherwise the server returns
 * execTransaction's calldata (it carries the signatures) and this component hands it straight to the
 * wallet: it is held in a local variable for that one call and never rendered or stored.
 */
export function BreakGlassButton(props: { kitId: string; incident?: string; hasExecutor: boolean }) {
  const router = useRouter();
  const { isConnected } = useAccount();
  const { connectAsync } = useConnect();
  const { sendTransactionAsync } = useSendTransaction();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/kits/${props.kitId}/break-glass`;
  // The server renders the button before its code has loaded: a press then would do nothing, silently.
  const [isHydrated, setIsHydrated] = useState(false);
  useEffect(() => setIsHydrated(true), []);

  async function breakGlass() {
    setError(null);
    setStatus("Simulating at the current nonce…");
    try {
      if (props.hasExecutor) {
        const done = await apiFetch<ExecutorResult>(url, {
          method: "POST",
          json: { mode: "executor", incident: props.incident },
        });
        setStatus(
          `Executed by the executor key; ${done.result.isContained ? "verified and contained" : "check the verification"}.`,
        );
        router.push(`/incidents/${done.incidentRef}`);
        return;
      }
      if (!isConnected) await connectAsync({ connector: injected() });
      const plan = await apiFetch<WalletPlan>(url, {
        method: "POST",
        json: { mode: "wallet", incident: props.incident },
      });
      let txHash: Hex;
      try {
        txHash = await sendTransactionAsync({ chainId: plan.chainId, to: plan.to, data: plan.data });
      } catch (cause) {
        await apiFetch(url, { method: "DELETE", json: { executionId: plan.executionId } }).catch(
          () => undefined,
        );
        throw cause;
      }
      setStatus("Sent; waiting for the receipt and the verification…");
      await apiFetch(url, { method: "PUT", json: { executionId: plan.executionId, txHash } });
      router.push(`/incidents/${plan.incidentRef}`);
    } catch (cause) {
      setStatus(null);
      setError((cause as { shortMessage?: string }).shortMessage ?? (cause as Error).message);
    }
  }

  return (
    <div className="space-y-2">
      <Button
        onClick={breakGlass}
        disabled={status !== null || !isHydrated}
        className="min-h-11 bg-red-600 hover:bg-red-500"
      >
        Break glass
      </Button>
      <p className="text-xs text-zinc-400">
        {props.hasExecutor
          ? "The server's executor key sends it."
          : "Your wallet sends it (any funded account; no owner needed)."}
        {props.incident ? "" : " A P1 incident is declared for it."}
      </p>
      {status && (
        <p role="status" className="text-sm text-emerald-300">
          {status}
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
