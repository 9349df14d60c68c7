import { type Address, createWalletClient, type Hex, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { anvilAccount } from "../lib/chain/demo";
import { db } from "../lib/db/client";
// Not the incidents index: it reaches next-auth, which does not load outside Next.
import { declareIncident } from "../lib/incidents/declare-incident";
import {
  addSignature,
  claimExecution,
  type ExecutionPlan,
  proposeSafeTransaction,
  recordExecution,
  safeAbi,
  safeTxTypedData,
  toExecTransactionArgs,
} from "../lib/safe";
import type { EventAuthor } from "../lib/timeline";
import { startInProcessStack } from "./support/bench-stack";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

/**
 * The console's own time from "propose" to "executed and verified" for a 2-of-3 Safe on anvil: propose
 * (build, hash, simulate, store), two signatures (recovery + owner check against the chain), claim (re-read,
 * re-simulate, lock), record (receipt, ExecutionSuccess, verification read). The owners' signing and the
 * wallet's sending are the people's time and are excluded. Target: < 2 s.
 */
export async function benchSafeFlow({ quick }: BenchOptions): Promise<BenchResult[]> {
  const stack = await startInProcessStack();
  const { anvil, deployment } = stack;
  try {
    const member = await db().member.findUniqueOrThrow({ where: { address: anvilAccount(5).address } });
    const author: EventAuthor = { type: "member", id: member.id, label: member.displayName };
    const registry = await db().contract.findFirstOrThrow({
      where: { address: deployment.contracts.globalPauseRegistry },
    });
    const safes = {
      guardian: await db().safe.findFirstOrThrow({ where: { address: deployment.safes.guardian.address } }),
      admin: await db().safe.findFirstOrThrow({ where: { address: deployment.safes.admin.address } }),
    };
    const runs = quick ? 2 : 8;
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      // Pause through the Guardian Safe, then unpause through the Admin Safe, so each run starts clean.
      const isPause = run % 2 === 0;
      const { incident } = await declareIncident({
        input: { title: `Bench safe flow ${run}`, severity: "P1" },
        author,
      });
      const safe = isPause ? safes.guardian : safes.admin;
      const signers = isPause ? [1, 2] : [3, 4];
      let elapsed = 0;
      const timed = async <T>(work: () => Promise<T>): Promise<T> => {
        const start = performance.now();
        const result = await work();
        elapsed += performance.now() - start;
        return result;
      };
      const proposal = await timed(() =>
        proposeSafeTransaction({
          incidentId: incident.id,
          author,
          input: {
            safeId: safe.id,
            title: isPause ? "Pause the protocol" : "Unpause the protocol",
            calls: [
              {
                contractId: registry.id,
                signature: isPause ? "pauseGlobal()" : "unpauseGlobal()",
                args: [],
                value: "0",
              },
            ],
          },
        }),
      );
      const typed = safeTxTypedData(deployment.chainId, safe.address, proposal);
      const signatures = await Promise.all(
        signers.map((i) => privateKeyToAccount(anvilAccount(i).privateKey).signTypedData(typed)),
      );
      for (const [k, index] of signers.entries())
        await timed(() =>
          addSignature({
            proposalId: proposal.id,
            author,
            input: { signature: signatures[k]!, signer: anvilAccount(index).address },
          }),
        );
      const plan = await timed(() => claimExecution({ proposalId: proposal.id, actorKey: "bench", author }));
      const txHash = await send(anvil.rpcUrl, plan);
      const result = await timed(() =>
        recordExecution({ proposalId: proposal.id, txHash, actorKey: "bench", author }),
      );
      if (result.proposal.state !== "executed" || result.verification.events.length === 0)
        throw new Error(`bench run ${run}: the proposal was not executed and verified`);
      // The first run pays for module loading and JIT: it is a warm-up, not a figure.
      if (run > 0) timings.push(elapsed);
    }
    const median = quantile(timings, 0.5);
    return [
      {
        name: "Safe proposal propose→executed+verified, console time (median)",
        value: round(median),
        unit: "ms",
        target: "< 2000",
        isMet: median < 2000,
      },
    ];
  } finally {
    await stack.stop();
  }
}

/** What the executor's wallet does (not the console's time). */
async function send(rpcUrl: string, plan: ExecutionPlan): Promise<Hex> {
  const wallet = createWalletClient({
    chain: foundry,
    transport: http(rpcUrl),
    account: privateKeyToAccount(anvilAccount(5).privateKey),
  });
  return wallet.writeContract({
    address: plan.safeAddress as Address,
    abi: safeAbi,
    functionName: "execTransaction",
    args: toExecTransactionArgs(plan.args),
  });
}
