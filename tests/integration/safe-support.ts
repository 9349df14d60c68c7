import { type Address, createPublicClient, createTestClient, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { inject } from "vitest";
import type { DemoDeployment } from "@/lib/chain/demo";
import { db } from "@/lib/db";
import { declareIncident } from "@/lib/incidents";
import { type ExecutionPlan, safeAbi, safeTxTypedData, toExecTransactionArgs } from "@/lib/safe";
import type { EventAuthor } from "@/lib/timeline";

/** Shared by the Safe integration tests: real anvil, real Safe v1.4.1, real keys; nothing mocked. */
export function stack() {
  const deployment = inject("deployment") as DemoDeployment;
  const transport = http(deployment.rpcUrl);
  return {
    deployment,
    publicClient: createPublicClient({ chain: foundry, transport }),
    testClient: createTestClient({ chain: foundry, mode: "anvil", transport }),
  };
}

export function keyOf(index: number): Hex {
  return (inject("deployment") as DemoDeployment).accounts[index]!.privateKey;
}

export function addressOf(index: number): Address {
  return (inject("deployment") as DemoDeployment).accounts[index]!.address;
}

export async function memberAuthor(index: number): Promise<EventAuthor> {
  const member = await db().member.findUniqueOrThrow({ where: { address: addressOf(index) } });
  return { type: "member", id: member.id, label: member.displayName };
}

export async function newIncident(title: string) {
  const author = await memberAuthor(1);
  const { incident } = await declareIncident({
    input: { title: `${title} ${Math.random().toString(36).slice(2, 8)}`, severity: "P1" },
    author,
  });
  return incident;
}

export async function registry() {
  const { deployment } = stack();
  // By chain too: drills register copies of the demo contracts and Safes at the same addresses on their forks.
  const chainId = deployment.chainId;
  const find = (address: string) => db().contract.findFirstOrThrow({ where: { address, chainId } });
  const safe = (address: string) => db().safe.findFirstOrThrow({ where: { address, chainId } });
  return {
    globalPause: await find(deployment.contracts.globalPauseRegistry),
    bridge: await find(deployment.contracts.bridge),
    oracle: await find(deployment.contracts.oracle),
    guardian: await safe(deployment.safes.guardian.address),
    admin: await safe(deployment.safes.admin.address),
  };
}

/** What a wallet's eth_signTypedData_v4 returns for the stored fields (v = 27/28). */
export async function signProposal(index: number, proposalId: string): Promise<Hex> {
  const proposal = await db().safeProposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: { safe: true },
  });
  return privateKeyToAccount(keyOf(index)).signTypedData(
    safeTxTypedData(proposal.safe.chainId, proposal.safe.address, proposal),
  );
}

/** Sends execTransaction from an anvil key, as a connected wallet would, and waits for the receipt. */
export async function sendExecution(index: number, plan: ExecutionPlan): Promise<Hex> {
  const { deployment, publicClient } = stack();
  const wallet = createWalletClient({
    chain: foundry,
    transport: http(deployment.rpcUrl),
    account: privateKeyToAccount(keyOf(index)),
  });
  const hash = await wallet.writeContract({
    address: plan.safeAddress,
    abi: safeAbi,
    functionName: "execTransaction",
    args: toExecTransactionArgs(plan.args),
  });
  await publicClient.waitForTransactionReceipt({ hash, pollingInterval: 20 });
  return hash;
}

/**
 * Every suite restores the chain it changed, so other suites (which read isGloballyPaused() expecting
 * false) do not depend on file order; its open proposals are closed so they do not push later default nonces.
 */
export async function snapshotChain() {
  const { testClient, deployment } = stack();
  const id = await testClient.snapshot();
  // Other suites may leave open proposals on the demo Safes (fixtures that are never executed); they would
  // hold the Safes' queues here. In the console a rejection would cancel them; the test closes them directly.
  await db().safeProposal.updateMany({
    where: {
      safe: { address: { in: [deployment.safes.guardian.address, deployment.safes.admin.address] } },
      state: { in: ["draft", "signing", "ready"] },
    },
    data: { state: "rejected" },
  });
  return async (incidentIds: string[]) => {
    await testClient.revert({ id });
    await db().safeProposal.updateMany({
      where: { incidentId: { in: incidentIds }, state: { in: ["draft", "signing", "ready"] } },
      data: { state: "stale" },
    });
  };
}
