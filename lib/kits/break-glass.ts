import { createWalletClient, defineChain, encodeFunctionData, type Hex, http } from "viem";
import type { Actor } from "../auth";
import { getChain } from "../chain";
import { db } from "../db/client";
import { AppError } from "../errors";
import { safeAbi, toExecTransactionArgs } from "../safe";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { type AlertRef, claimKitExecution, type KitPlan } from "./claim-kit-execution";
import { executorAccount, requireExecutor } from "./manage-executor-key";
import { recheckKits } from "./recheck-kits";
import { type KitExecutionResult, recordKitExecution } from "./record-kit-execution";
import type { TBreakGlass } from "./schemas";

export type WalletBreakGlass = {
  mode: "wallet";
  executionId: string;
  incidentId: string;
  incidentRef: string;
  chainId: number;
  /** The Safe: the responder's wallet sends `data` to it. */
  to: Hex;
  /** execTransaction's calldata. It contains the signatures: see the trade-off in the README. */
  data: Hex;
};
export type ExecutorBreakGlass = { mode: "executor"; incidentRef: string; result: KitExecutionResult };

/**
 * One button. With the executor key the server sends execTransaction itself and the signatures never leave
 * it. From the responder's wallet they must: a wallet can only send calldata it holds, so the server
 * returns execTransaction's final calldata for the current nonce, at the moment of use, once per claim, and
 * records that it did (kit.calldata_released); the page never renders it and it is not stored client-side.
 */
export async function breakGlass(options: {
  kitId: string;
  input: TBreakGlass;
  actorKey: string;
  author: EventAuthor;
  commander?: Actor | null;
  alert?: AlertRef | null;
}): Promise<WalletBreakGlass | ExecutorBreakGlass> {
  const account = options.input.mode === "executor" ? requireExecutor(await executorAccount()) : null;
  const plan = await claimKitExecution({
    kitId: options.kitId,
    incident: options.input.incident,
    mode: options.input.mode,
    actorKey: options.actorKey,
    author: options.author,
    commander: options.commander,
    alert: options.alert,
  });
  const incidentRef = `INC-${plan.incident.number}`;
  const data = encodeFunctionData({
    abi: safeAbi,
    functionName: "execTransaction",
    args: toExecTransactionArgs(plan.args),
  });
  if (!account) {
    await db().$transaction((tx) =>
      appendTimelineEvent(tx, {
        incidentId: plan.incident.id,
        kind: "kit.calldata_released",
        author: options.author,
        payload: { kitId: plan.kit.id, executionId: plan.executionId, to: plan.kit.safeAddress },
      }),
    );
    return {
      mode: "wallet",
      executionId: plan.executionId,
      incidentId: plan.incident.id,
      incidentRef,
      chainId: plan.kit.chainId,
      to: plan.kit.safeAddress,
      data,
    };
  }
  let txHash: Hex;
  try {
    const wallet = createWalletClient({
      account,
      chain: await viemChain(plan.kit.chainId),
      transport: http(await rpcUrl(plan.kit.chainId)),
    });
    txHash = await wallet.sendTransaction({ to: plan.kit.safeAddress, data });
  } catch (error) {
    await failExecution(plan, options.author, `the executor could not send the transaction: ${scrub(error)}`);
    throw new AppError(
      "BAD_GATEWAY",
      `Break glass failed: the executor could not send the transaction (${scrub(error)}).`,
    );
  }
  const result = await recordKitExecution({ executionId: plan.executionId, txHash, author: options.author });
  await recheckKits({ kitId: plan.kit.id }).catch(() => undefined);
  return { mode: "executor", incidentRef, result };
}

/** The wallet refused or never sent: the claim ends so someone else can break the glass. */
export async function releaseKitExecution(options: {
  executionId: string;
  actorKey: string;
  author: EventAuthor;
}) {
  const execution = await db().kitExecution.findUnique({ where: { id: options.executionId } });
  if (!execution || execution.actorKey !== options.actorKey || execution.state !== "claimed") return;
  await db().$transaction(async (tx) => {
    await tx.kitExecution.update({
      where: { id: execution.id },
      data: { state: "failed", finishedAt: new Date() },
    });
    await appendTimelineEvent(tx, {
      incidentId: execution.incidentId,
      kind: "kit.break_glass_failed",
      author: options.author,
      payload: {
        kitId: execution.kitId,
        executionId: execution.id,
        reason: "the wallet did not send the transaction",
      },
    });
  });
}

async function failExecution(plan: KitPlan, author: EventAuthor, reason: string) {
  await db().$transaction(async (tx) => {
    await tx.kitExecution.update({
      where: { id: plan.executionId },
      data: { state: "failed", finishedAt: new Date() },
    });
    await appendTimelineEvent(tx, {
      incidentId: plan.incident.id,
      kind: "kit.break_glass_failed",
      author,
      payload: { kitId: plan.kit.id, executionId: plan.executionId, reason },
    });
  });
}

/** viem's errors quote the request, calldata (and so the signatures) included: keep only the short reason. */
export function scrub(error: unknown): string {
  const text = (error as { shortMessage?: string }).shortMessage ?? (error as Error).message ?? String(error);
  return text.split("\n")[0]!.replace(/0x[0-9a-fA-F]{130,}/g, "0x…");
}

async function rpcUrl(chainId: number): Promise<string> {
  const chain = await getChain(chainId);
  const url = chain?.rpcUrls[0];
  if (!url) throw new AppError("NOT_FOUND", `Chain ${chainId} has no RPC URL configured.`);
  return url;
}

async function viemChain(chainId: number) {
  const chain = await getChain(chainId);
  return defineChain({
    id: chainId,
    name: chain?.name ?? `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: chain?.rpcUrls ?? [] } },
  });
}
