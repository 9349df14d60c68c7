import { randomBytes } from "node:crypto";
import { createPublicClient, createWalletClient, type Hex, http, parseAbi } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { anvilAccount } from "../lib/chain/demo";
import { db } from "../lib/db/client";
// The files, not the indexes: they reach next-auth, which does not load outside Next.
import { addKitSignature } from "../lib/kits/add-kit-signature";
import { breakGlass } from "../lib/kits/break-glass";
import { createKit } from "../lib/kits/create-kit";
import { setExecutorKey } from "../lib/kits/manage-executor-key";
import { readSafeConfig } from "../lib/kits/read-safe-config";
import { recheckKits } from "../lib/kits/recheck-kits";
import { recordKitExecution } from "../lib/kits/record-kit-execution";
import { runAutomaticKits } from "../lib/kits/run-automatic-kits";
import { setKitAutomation } from "../lib/kits/set-kit-automation";
import { safeTxTypedData, safeTxWithoutRefund } from "../lib/safe";
import type { EventAuthor } from "../lib/timeline";
import { startInProcessStack } from "./support/bench-stack";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

/**
 * Readiness figures on anvil with the demo deployment: break glass from the click to the verification
 * recorded (console time: the wallet's send excluded), an alert to a verified pause with an automatic kit
 * (executor key: everything is the console's time), and the readiness recheck of 50 kits.
 */
export async function benchKits({ quick }: BenchOptions): Promise<BenchResult[]> {
  const stack = await startInProcessStack();
  const { anvil, deployment } = stack;
  try {
    const member = await db().member.findUniqueOrThrow({ where: { address: anvilAccount(5).address } });
    const author: EventAuthor = { type: "member", id: member.id, label: member.displayName };
    const registry = await db().contract.findFirstOrThrow({
      where: { address: deployment.contracts.globalPauseRegistry },
    });
    const guardian = await db().safe.findFirstOrThrow({
      where: { address: deployment.safes.guardian.address },
    });
    const admin = await db().safe.findFirstOrThrow({ where: { address: deployment.safes.admin.address } });
    const makeKit = (safeId: string, signature: string) =>
      createKit({
        input: {
          name: `Bench ${signature} ${randomBytes(3).toString("hex")}`,
          safeId,
          calls: [{ contractId: registry.id, signature, args: [], value: "0" }],
          ladderLength: 10,
        },
        author,
      });
    const signLadder = async (
      kitId: string,
      safe: { chainId: number; address: string },
      owners: number[],
    ) => {
      const kit = await db().emergencyKit.findUniqueOrThrow({ where: { id: kitId } });
      const { nonce } = await readSafeConfig(safe.chainId, safe.address);
      for (let i = 0; i < 10; i++)
        for (const owner of owners) {
          const signature = await privateKeyToAccount(anvilAccount(owner).privateKey).signTypedData(
            safeTxTypedData(safe.chainId, safe.address, safeTxWithoutRefund(kit, nonce + i)),
          );
          await addKitSignature({
            kitId,
            input: { nonce: nonce + i, signature, signer: anvilAccount(owner).address },
            author,
          });
        }
    };
    const pause = await makeKit(guardian.id, "pauseGlobal()");
    const unpause = await makeKit(admin.id, "unpauseGlobal()");
    await signLadder(pause.id, guardian, [1, 2]);
    await signLadder(unpause.id, admin, [2, 3]);
    await setExecutorKey({ label: "bench", privateKey: anvilAccount(8).privateKey }, null);
    const wallet = createWalletClient({
      chain: foundry,
      transport: http(anvil.rpcUrl),
      account: privateKeyToAccount(anvilAccount(5).privateKey),
    });
    const restore = () =>
      breakGlass({ kitId: unpause.id, input: { mode: "executor" }, actorKey: "bench", author });

    // Break glass from the responder's wallet: claim + simulate + calldata, then receipt + verification + containment.
    const runs = quick ? 2 : 4;
    const clicks: number[] = [];
    for (let run = 0; run < runs; run++) {
      let elapsed = 0;
      const start = performance.now();
      const plan = await breakGlass({
        kitId: pause.id,
        input: { mode: "wallet" },
        actorKey: "bench",
        author,
      });
      elapsed += performance.now() - start;
      if (plan.mode !== "wallet") throw new Error("expected the wallet path");
      const txHash: Hex = await wallet.sendTransaction({ to: plan.to, data: plan.data });
      const second = performance.now();
      const result = await recordKitExecution({ executionId: plan.executionId, txHash, author });
      elapsed += performance.now() - second;
      if (!result.isContained) throw new Error(`bench run ${run}: not verified and contained`);
      if (run > 0) clicks.push(elapsed);
      await restore();
    }

    // An alert routed to the automatic kit: from the delivery's ingest result to the verified pause.
    await setKitAutomation({
      kitId: pause.id,
      input: { isAutoEnabled: true, autoCooldownSeconds: 60 },
      author,
    });
    const route = await db().alertRoute.create({
      data: { name: "bench auto", severityName: "P1", kitId: pause.id },
    });
    const automatic: number[] = [];
    for (let run = 0; run < runs; run++) {
      const { incident } = await (await import("../lib/incidents/declare-incident")).declareIncident({
        input: { title: `Bench alert ${run}`, severity: "P1" },
        author,
      });
      await db().emergencyKit.update({ where: { id: pause.id }, data: { lastAutoRunAt: null } });
      const start = performance.now();
      const [outcome] = await runAutomaticKits(
        [
          {
            alertId: `bench-${run}`,
            outcome: "declared",
            incidentId: incident.id,
            routeId: route.id,
            name: "ExploitDetected",
          },
        ],
        { name: "bench" },
        { type: "alert", id: null, label: "bench" },
      );
      const ms = performance.now() - start;
      const paused = await createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }).readContract(
        {
          address: deployment.contracts.globalPauseRegistry,
          abi: parseAbi(["function isGloballyPaused() view returns (bool)"]),
          functionName: "isGloballyPaused",
        },
      );
      if (outcome?.outcome !== "executed" || !paused)
        throw new Error(`bench automatic run ${run}: ${outcome?.reason}`);
      if (run > 0) automatic.push(ms);
      await restore();
    }

    // 50 kits on the two Safes, rechecked together.
    for (let i = 0; i < 48; i++)
      await makeKit(i % 2 ? guardian.id : admin.id, i % 2 ? "pauseGlobal()" : "unpauseGlobal()");
    await recheckKits();
    const rechecks: number[] = [];
    for (let run = 0; run < (quick ? 2 : 5); run++) {
      const start = performance.now();
      const results = await recheckKits();
      rechecks.push(performance.now() - start);
      if (results.length !== 50) throw new Error(`rechecked ${results.length} kits, not 50`);
    }
    const click = quantile(clicks, 0.5);
    const auto = quantile(automatic, 0.5);
    const recheck = quantile(rechecks, 0.5);
    return [
      {
        name: "break glass click → verification recorded, console time (median)",
        value: round(click),
        unit: "ms",
        target: "< 1000",
        isMet: click < 1000,
      },
      {
        name: "alert → verified pause with an automatic kit (median)",
        value: round(auto),
        unit: "ms",
        target: "< 2000",
        isMet: auto < 2000,
      },
      {
        name: "readiness recheck of 50 kits (median)",
        value: round(recheck),
        unit: "ms",
        target: "< 1000",
        isMet: recheck < 1000,
      },
    ];
  } finally {
    await stack.stop();
  }
}
