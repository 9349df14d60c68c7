import { encodeFunctionData, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getKit } from "@/app/api/kits/[id]/route";
import { POST as postSignature } from "@/app/api/kits/[id]/signatures/route";
import { GET as listKits } from "@/app/api/kits/route";
import { createApiToken } from "@/lib/auth";
import { db } from "@/lib/db";
import {
  createKit,
  exportKit,
  findKitsAtRisk,
  importKit,
  listBreakableKits,
  listKitEvents,
  listKitSources,
  readReadiness,
  recheckKits,
  summarizeReadiness,
} from "@/lib/kits";
import { createChannel, deliverDueNotifications, updateChannel } from "@/lib/notifications";
import { type HttpSink, startHttpSink } from "../support/start-http-sink";
import { execThroughSafe, ownerAbi, pauseGlobalAction, safeNonce, signKit } from "./kits-support";
import { addressOf, memberAuthor, registry, snapshotChain, stack } from "./safe-support";

const ALICE = 1;
const BOB = 2;
const DAVE = 4; // not a Guardian owner: becomes one in the owner-change step
const ERIN = 5; // owns no Safe

let restore: (incidentIds: string[]) => Promise<void>;
let token: string;
let kitId: string;
let guardian: `0x${string}`;
const signatures: Hex[] = [];
const logs: string[] = [];
const responses: string[] = [];
const consoleMethods = ["log", "info", "warn", "error", "debug"] as const;
const originals = consoleMethods.map((m) => console[m]);
let sink: HttpSink;

beforeAll(async () => {
  restore = await snapshotChain();
  // The sink is on loopback, which the outbound-URL guard refuses unless an operator allows it.
  process.env.BREAKGLASS_OUTBOUND_ALLOW = "127.0.0.1";
  guardian = stack().deployment.safes.guardian.address;
  token = (await createApiToken({ name: `kits-${Date.now()}`, role: "responder", createdBy: "cli" })).token;
  // Capture (and still print) every console line of this process: the leak check greps them.
  consoleMethods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      logs.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.message} ${a.stack}` : typeof a === "string" ? a : JSON.stringify(a),
          )
          .join(" "),
      );
      originals[i]!(...args);
    };
  });
  sink = await startHttpSink();
});

afterAll(async () => {
  delete process.env.BREAKGLASS_OUTBOUND_ALLOW;
  consoleMethods.forEach((m, i) => {
    console[m] = originals[i]!;
  });
  await sink.close();
  await restore([]);
});

async function call(
  handler: (r: Request, c: never) => Promise<Response>,
  url: string,
  init: RequestInit = {},
) {
  const response = await handler(
    new Request(`http://localhost${url}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    }),
    { params: Promise.resolve({ id: kitId }) } as never,
  );
  const text = await response.text();
  responses.push(text);
  return {
    status: response.status,
    body: JSON.parse(text) as { error?: { message: string } } & Record<string, unknown>,
  };
}

const sign = async (index: number, nonce: number, signature?: Hex) => {
  const sig = signature ?? (await signKit(index, kitId, nonce));
  signatures.push(sig);
  return call(postSignature as never, `/api/kits/${kitId}/signatures`, {
    method: "POST",
    body: JSON.stringify({ nonce, signature: sig, signer: addressOf(index) }),
  });
};
const stored = () => db().kitSignature.count({ where: { kitId } });
const state = async () => (await readReadiness({ id: kitId }))[0]!.readiness!;

describe("emergency kit: definition, ladder, readiness from the chain", () => {
  it("an admin makes a kit from the runbook's pauseGlobal() action; it simulates false → true", async () => {
    const kit = await createKit({
      input: {
        name: "Global pause",
        safeId: (await registry()).guardian.id,
        runbook: await pauseGlobalAction(),
      },
      author: await memberAuthor(ALICE),
    });
    kitId = kit.id;
    expect(kit.isPauseLike).toBe(true);
    expect(kit.operation).toBe(0);
    const [entry] = await readReadiness({ id: kitId });
    expect(entry!.kit.calls.map((c) => c.signature)).toEqual(["pauseGlobal()"]);
    expect(entry!.readiness!.simulation.isSuccess).toBe(true);
    expect(entry!.readiness!.simulation.changes).toEqual([
      expect.objectContaining({
        signature: "isGloballyPaused()(bool)",
        before: "false",
        after: "true",
        expected: "true",
      }),
    ]);
    expect(entry!.readiness!.state).toBe("STALE");
    expect(entry!.readiness!.reason).toBe("not signed yet");
    // The form's choices: the runbook's pause action, pause-like first.
    const sources = await listKitSources();
    expect(sources.find((s) => s.ref === (kit.source as { runbook: string }).runbook)).toMatchObject({
      signature: "pauseGlobal()",
      isPauseLike: true,
    });
    expect(sources.findIndex((s) => !s.isPauseLike)).not.toBe(0);
  });

  it("refuses a kit that moves value or names a view", async () => {
    const { globalPause, guardian: safe } = await registry();
    await expect(
      createKit({
        input: {
          name: "x",
          safeId: safe.id,
          calls: [{ contractId: globalPause.id, signature: "isGloballyPaused()", args: [], value: "0" }],
        },
        author: await memberAuthor(ALICE),
      }),
    ).rejects.toThrow(/is a read/);
  });

  it("refuses non-owner, wrong-nonce, tampered and duplicate signatures with their own messages, storing nothing", async () => {
    const nonce = await safeNonce(guardian);
    const outsider = await sign(ERIN, nonce);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error!.message).toContain("is not a current owner of Guardian Safe");
    const beyond = await sign(ALICE, nonce + 5);
    expect(beyond.status).toBe(422);
    expect(beyond.body.error!.message).toContain(`nonce: ${nonce + 5} is beyond the ladder`);
    if (nonce > 0) {
      const used = await sign(ALICE, nonce - 1);
      expect(used.status).toBe(422);
      expect(used.body.error!.message).toContain("is already used on chain");
    }
    // Alice's signature for the next nonce, presented as this nonce's: a signature over other data.
    const tampered = await sign(ALICE, nonce, await signKit(ALICE, kitId, nonce + 1));
    expect(tampered.status).toBe(422);
    expect(tampered.body.error!.message).toContain(`is not over this kit's SafeTx at nonce ${nonce}`);
    expect(await stored()).toBe(0);
    expect((await sign(ALICE, nonce)).status).toBe(201);
    const again = await sign(ALICE, nonce);
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toContain("has already signed this kit at nonce");
    expect(await stored()).toBe(1);
  });

  it("two owners sign a 5-nonce ladder: ARMED at five nonces; a routine transaction leaves it ARMED at the next", async () => {
    const nonce = await safeNonce(guardian);
    for (let i = 1; i < 5; i++) expect((await sign(ALICE, nonce + i)).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await sign(BOB, nonce + i)).status).toBe(201);
    const armed = await state();
    expect(armed.state).toBe("ARMED");
    expect(armed.armedNonces).toEqual([0, 1, 2, 3, 4].map((i) => nonce + i));
    // The signatures are stored encrypted.
    const rows = await db().kitSignature.findMany({ where: { kitId } });
    for (const row of rows)
      expect(signatures.some((s) => row.signatureCipher.includes(s.slice(2)))).toBe(false);
    expect((await recheckKits({ kitId }))[0]!.state).toBe("ARMED");

    // A routine transaction (a no-op to the Safe itself) uses the current nonce.
    await execThroughSafe(guardian, [ALICE, BOB], guardian, "0x");
    const after = await state();
    expect(after.state).toBe("ARMED");
    expect(after.armedNonces).toEqual([1, 2, 3, 4].map((i) => nonce + i));

    // A routine proposal at the last armed nonce would leave nothing to break the glass with: it is named.
    expect(await findKitsAtRisk((await registry()).guardian.id, nonce + 4)).toEqual([
      { id: kitId, name: "Global pause" },
    ]);
    expect(await findKitsAtRisk((await registry()).guardian.id, nonce + 3)).toEqual([]);
    // The incident page offers it (by its last recheck, no chain read); the dashboard counts it.
    expect((await listBreakableKits()).map((k) => k.id)).toContain(kitId);
    const summary = await summarizeReadiness();
    expect(summary.kits.find((k) => k.id === kitId)?.state).toBe("ARMED");
  });

  it("the owners change through the Safe: STALE with that reason, the owners are notified, re-signing arms it again", async () => {
    const channel = await createChannel({
      name: `kits ${kitId}`,
      kind: "webhook",
      url: `${sink.url}/kits`,
      events: ["kit_readiness"],
    });
    await execThroughSafe(
      guardian,
      [ALICE, BOB],
      guardian,
      encodeFunctionData({
        abi: ownerAbi,
        functionName: "addOwnerWithThreshold",
        args: [addressOf(DAVE), 2n],
      }),
    );
    const stale = await state();
    expect(stale.state).toBe("STALE");
    expect(stale.code).toBe("owners_changed");
    expect(stale.reason).toContain("the Safe's owners changed (added");
    const [recheck] = await recheckKits({ kitId });
    expect(recheck).toMatchObject({ from: "ARMED", state: "STALE", isChanged: true });
    await deliverDueNotifications();
    await updateChannel(channel.id, { isEnabled: false });
    const note = sink.received.find(
      ({ body }) => (body.details as { kitId?: string })?.kitId === kitId,
    )?.body;
    expect(note?.event).toBe("kit_readiness");
    expect(String(note?.text)).toContain(
      'Emergency kit "Global pause" (Guardian Safe) is STALE: the Safe\'s owners changed',
    );
    expect(String(note?.text)).toContain("Alice Ng");
    expect(await db().emergencyKit.findUniqueOrThrow({ where: { id: kitId } })).toMatchObject({
      lastState: "STALE",
      lastOwnersToSign: expect.arrayContaining([addressOf(ALICE), addressOf(BOB), addressOf(DAVE)]),
    });

    const nonce = await safeNonce(guardian);
    for (let i = 0; i < 5; i++) {
      expect((await sign(ALICE, nonce + i)).status).toBe(201);
      expect((await sign(BOB, nonce + i)).status).toBe(201);
    }
    expect((await state()).state).toBe("ARMED");
    expect((await recheckKits({ kitId }))[0]).toMatchObject({ from: "STALE", state: "ARMED" });
  });

  it("exports a passphrase-sealed file and imports it back; every export and import is audited", async () => {
    const author = await memberAuthor(BOB);
    const { file } = await exportKit({ kitId, passphrase: "correct horse battery staple", author });
    responses.push(file);
    expect(JSON.parse(file).format).toBe("breakglass-kit/1");
    await expect(importKit({ file, passphrase: "wrong passphrase here", author })).rejects.toThrow(
      /passphrase: cannot open this file/,
    );
    const altered = JSON.parse(file);
    altered.kit.data = `${altered.kit.data.slice(0, -1)}0`;
    await expect(
      importKit({ file: JSON.stringify(altered), passphrase: "correct horse battery staple", author }),
    ).rejects.toThrow(/cannot open this file/);
    const before = await stored();
    await db().kitSignature.deleteMany({ where: { kitId } }); // the database lost them; the vault did not
    expect((await state()).state).toBe("STALE");
    const imported = await importKit({ file, passphrase: "correct horse battery staple", author });
    expect(imported.accepted).toBeGreaterThanOrEqual(10);
    expect(imported.accepted).toBeLessThanOrEqual(before);
    expect((await state()).state).toBe("ARMED");
    const kinds = (await listKitEvents(kitId)).map((e) => e.kind);
    expect(kinds).toContain("kit.exported");
    expect(kinds).toContain("kit.imported");
    expect(kinds).toContain("kit.state_changed");
  });

  it("no kit signature appears in the clear in any JSON, export, log line, event or notification", async () => {
    await call(listKits as never, "/api/kits");
    await call(getKit as never, `/api/kits/${kitId}`);
    const events = await db().kitEvent.findMany({ where: { kitId } });
    const notifications = await db().notification.findMany({ where: { event: "kit_readiness" } });
    const haystack = [
      ...responses,
      ...logs,
      JSON.stringify(events),
      JSON.stringify(notifications),
      JSON.stringify(await db().kitSignature.findMany({ where: { kitId } })),
    ]
      .join("\n")
      .toLowerCase();
    expect(signatures.length).toBeGreaterThan(20);
    expect(responses.join("")).toContain("ARMED");
    for (const signature of signatures) {
      expect(haystack).not.toContain(signature.slice(2, 66).toLowerCase()); // r
      expect(haystack).not.toContain(signature.slice(66, 130).toLowerCase()); // s
    }
  });
});
