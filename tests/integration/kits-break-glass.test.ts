import { randomBytes } from "node:crypto";
import { createWalletClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as eventsPost } from "@/app/api/alerts/events/route";
import { createAlertRoute, updateAlertRoute } from "@/lib/alerts";
import { db } from "@/lib/db";
import {
  assertAutomatableKit,
  breakGlass,
  createKit,
  readReadiness,
  recordKitExecution,
  removeExecutorKey,
  setExecutorKey,
  setKitAutomation,
} from "@/lib/kits";
import { deliveryRequest, eventsTriggerBody, makeSource } from "./alerts-support";
import { isGloballyPaused, makeArmedPauseKit, unpause } from "./kits-support";
import { addressOf, keyOf, memberAuthor, registry, snapshotChain, stack } from "./safe-support";

const ALICE = 1;
const BOB = 2;
const ERIN = 5; // responder, owns no Safe
const EXECUTOR = 8; // a funded account with no rights anywhere

let restore: (incidentIds: string[]) => Promise<void>;
let kitId: string;

beforeAll(async () => {
  restore = await snapshotChain();
  await removeExecutorKey();
  ({ kitId } = await makeArmedPauseKit({
    name: `Pause ${randomBytes(3).toString("hex")}`,
    owners: [ALICE, BOB],
    ladderLength: 5,
  }));
});

afterAll(async () => {
  await unpause();
  await removeExecutorKey();
  await restore([]);
});

const kindsOf = async (incidentId: string) =>
  (await db().timelineEvent.findMany({ where: { incidentId }, orderBy: { id: "asc" } })).map((e) => e.kind);

describe("break glass", () => {
  it("refuses the executor path while no executor key is configured, sending nothing", async () => {
    const author = await memberAuthor(ERIN);
    await expect(
      breakGlass({ kitId, input: { mode: "executor" }, actorKey: "test:erin", author }),
    ).rejects.toThrow(/No executor key is configured/);
    expect(await isGloballyPaused()).toBe(false);
  });

  it("with the executor key: declares a P1, pauses, verifies and contains, every step on the timeline", async () => {
    const { address } = await setExecutorKey({ label: "test executor", privateKey: keyOf(EXECUTOR) }, null);
    expect(address).toBe(addressOf(EXECUTOR));
    const stored = await db().executorKey.findUniqueOrThrow({ where: { address } });
    expect(stored.keyCipher).not.toContain(keyOf(EXECUTOR).slice(2));
    const result = await breakGlass({
      kitId,
      input: { mode: "executor" },
      actorKey: "test:erin",
      author: await memberAuthor(ERIN),
    });
    expect(result.mode).toBe("executor");
    if (result.mode !== "executor") return;
    expect(await isGloballyPaused()).toBe(true);
    expect(result.result.isSuccess).toBe(true);
    expect(result.result.verifications).toEqual([
      { signature: "isGloballyPaused()(bool)", actual: "true", isPassed: true },
    ]);
    expect(result.result.isContained).toBe(true);
    const incident = await db().incident.findUniqueOrThrow({ where: { id: result.result.incidentId } });
    expect(incident.severityName).toBe("P1");
    expect(incident.containedAt).not.toBeNull();
    expect(await kindsOf(incident.id)).toEqual(
      expect.arrayContaining([
        "incident.declared",
        "kit.break_glass_started",
        "kit.simulated",
        "kit.executed",
        "verification.recorded",
        "incident.contained",
      ]),
    );
    const contained = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "incident.contained" },
    });
    expect(String((contained.payload as { reason: string }).reason)).toMatch(/Time to contain: \d+ s/);
    const executed = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "kit.executed" },
    });
    expect((executed.payload as { sender: string }).sender.toLowerCase()).toBe(
      addressOf(EXECUTOR).toLowerCase(),
    );
    await unpause();
    // The kit used one nonce; the rest of the ladder still holds.
    const [entry] = await readReadiness({ id: kitId });
    expect(entry!.readiness!.state).toBe("ARMED");
    expect(entry!.readiness!.armedNonces).toHaveLength(4);
  });

  it("from a non-owner's wallet: the server hands over only execTransaction's calldata; the receipt is verified", async () => {
    await removeExecutorKey();
    const author = await memberAuthor(ERIN);
    const plan = await breakGlass({ kitId, input: { mode: "wallet" }, actorKey: "test:erin", author });
    expect(plan.mode).toBe("wallet");
    if (plan.mode !== "wallet") return;
    expect(plan.to).toBe(stack().deployment.safes.guardian.address);
    const wallet = createWalletClient({
      chain: foundry,
      transport: http(stack().deployment.rpcUrl),
      account: privateKeyToAccount(keyOf(ERIN)),
    });
    const txHash = await wallet.sendTransaction({ to: plan.to, data: plan.data });
    const result = await recordKitExecution({ executionId: plan.executionId, txHash, author });
    expect(result.isSuccess).toBe(true);
    expect(result.isContained).toBe(true);
    expect(await isGloballyPaused()).toBe(true);
    expect(await kindsOf(plan.incidentId)).toEqual(
      expect.arrayContaining([
        "kit.break_glass_started",
        "kit.calldata_released",
        "kit.executed",
        "incident.contained",
      ]),
    );
    await unpause();
  });

  it("two presses at once send one transaction: the second is refused while the first holds the claim", async () => {
    const author = await memberAuthor(ERIN);
    const first = await breakGlass({ kitId, input: { mode: "wallet" }, actorKey: "test:a", author });
    await expect(
      breakGlass({ kitId, input: { mode: "wallet" }, actorKey: "test:b", author }),
    ).rejects.toThrow(/someone is already breaking this glass/);
    if (first.mode === "wallet")
      await db().kitExecution.update({ where: { id: first.executionId }, data: { state: "failed" } });
  });
});

describe("automatic break glass", () => {
  it("only pause-like kits can be automated", async () => {
    const { globalPause, admin } = await registry();
    const unpauseKit = await createKit({
      input: {
        name: "Unpause",
        safeId: admin.id,
        calls: [{ contractId: globalPause.id, signature: "unpauseGlobal()", args: [], value: "0" }],
      },
      author: await memberAuthor(ALICE),
    });
    await expect(assertAutomatableKit(unpauseKit.id)).rejects.toThrow(/only pause-like kits/);
    await expect(
      setKitAutomation({
        kitId: unpauseKit.id,
        input: { isAutoEnabled: true },
        author: await memberAuthor(BOB),
      }),
    ).rejects.toThrow(/only pause-like kits/);
  });

  it("switch off: nothing; on: a firing alert pauses with the executor key; inside the cool-down: not again", async () => {
    await setExecutorKey({ label: "test executor", privateKey: keyOf(EXECUTOR) }, null);
    const { source, secret } = await makeSource("events", "bearer");
    const alertName = `ExploitDetected${randomBytes(3).toString("hex")}`;
    const route = await createAlertRoute({
      name: `auto ${alertName}`,
      matchAlertName: alertName,
      severityName: "P1",
    });
    await assertAutomatableKit(kitId);
    await updateAlertRoute(route.id, { kitId });
    const fire = async () => {
      const response = await eventsPost(
        deliveryRequest("events", {
          auth: { bearer: secret },
          body: eventsTriggerBody(source.id, alertName, `${alertName}-${randomBytes(4).toString("hex")}`),
        }),
      );
      expect(response.status).toBe(202);
      const body = (await response.json()) as { result: { incidentId: string } };
      return body.result.incidentId;
    };
    const alertsByName = async () => db().alert.findMany({ where: { name: alertName } });

    // Off by default.
    const quiet = await fire();
    expect(await isGloballyPaused()).toBe(false);
    expect((await kindsOf(quiet)).filter((k) => k.startsWith("kit."))).toEqual([]);
    expect(await db().kitExecution.count({ where: { kitId, incidentId: quiet } })).toBe(0);

    await setKitAutomation({
      kitId,
      input: { isAutoEnabled: true, autoCooldownSeconds: 600 },
      author: await memberAuthor(BOB),
    });
    const loud = await fire();
    expect(await isGloballyPaused()).toBe(true);
    const started = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: loud, kind: "kit.break_glass_started" },
    });
    const alert = (started.payload as { alert: { id: string; name: string; source: string } }).alert;
    expect(alert.name).toBe(alertName);
    expect(alert.source).toBe(source.name);
    expect((await alertsByName()).map((a) => a.id)).toContain(alert.id);
    expect(await kindsOf(loud)).toEqual(
      expect.arrayContaining(["kit.executed", "verification.recorded", "incident.contained"]),
    );
    await unpause();

    const cooled = await fire();
    expect(await isGloballyPaused()).toBe(false);
    const skipped = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId: cooled, kind: "kit.automatic_skipped" },
    });
    expect(String((skipped.payload as { reason: string }).reason)).toContain("inside the cool-down");

    await setKitAutomation({ kitId, input: { isAutoEnabled: false }, author: await memberAuthor(BOB) });
    await db().emergencyKit.update({ where: { id: kitId }, data: { lastAutoRunAt: null } });
    const off = await fire();
    expect(await isGloballyPaused()).toBe(false);
    expect(await db().kitExecution.count({ where: { kitId, incidentId: off } })).toBe(0);
    await updateAlertRoute(route.id, { isEnabled: false });
  });
});
