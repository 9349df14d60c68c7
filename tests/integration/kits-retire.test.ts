import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as eventsPost } from "@/app/api/alerts/events/route";
import { POST as postRetire } from "@/app/api/kits/[id]/retire/route";
import { GET as getKit } from "@/app/api/kits/[id]/route";
import { createAlertRoute, deleteAlertRoute, updateAlertRoute } from "@/lib/alerts";
import { createApiToken } from "@/lib/auth";
import { db } from "@/lib/db";
import {
  addKitSignature,
  assertAutomatableKit,
  breakGlass,
  createKit,
  exportKit,
  importKit,
  listBreakableKits,
  listKitBanners,
  listKitEvents,
  readReadiness,
  recheckKits,
  releaseKitExecution,
  retireKit,
  setKitAutomation,
  summarizeReadiness,
} from "@/lib/kits";
import { deliveryRequest, eventsTriggerBody, makeSource } from "./alerts-support";
import { makeArmedPauseKit, signKit } from "./kits-support";
import { addressOf, memberAuthor, registry, snapshotChain } from "./safe-support";

const ALICE = 1;
const BOB = 2;
const PASSPHRASE = "correct horse battery staple";

let restore: (incidentIds: string[]) => Promise<void>;
let kitId: string;
let commanderToken: string;
let responderToken: string;
let vaultFile: string;
let firstNonce: number;
let routeId: string;
const alertName = `KitRetired${randomBytes(3).toString("hex")}`;
const incidentIds: string[] = [];

beforeAll(async () => {
  restore = await snapshotChain();
  ({ kitId, firstNonce } = await makeArmedPauseKit({
    name: `Retire me ${randomBytes(3).toString("hex")}`,
    owners: [ALICE, BOB],
    ladderLength: 3,
  }));
  vaultFile = (await exportKit({ kitId, passphrase: PASSPHRASE, author: await memberAuthor(BOB) })).file;
  await db().emergencyKit.update({ where: { id: kitId }, data: { isAutoEnabled: true } });
  // A routing rule names the kit while it is in service; it still does after the kit is retired.
  routeId = (
    await createAlertRoute({ name: `auto ${alertName}`, matchAlertName: alertName, severityName: "P1" })
  ).id;
  await updateAlertRoute(routeId, { kitId });
  const stamp = Date.now();
  commanderToken = (await createApiToken({ name: `retire-c-${stamp}`, role: "commander", createdBy: "cli" }))
    .token;
  responderToken = (await createApiToken({ name: `retire-r-${stamp}`, role: "responder", createdBy: "cli" }))
    .token;
});

afterAll(async () => {
  await deleteAlertRoute(routeId);
  await restore(incidentIds);
});

async function retireThroughRoute(body: string, token = commanderToken, id = kitId) {
  const response = await postRetire(
    new Request(`http://localhost/api/kits/${id}/retire`, {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    }),
    { params: Promise.resolve({ id }) } as never,
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { message: string; fields?: { path: string; message: string }[] };
      retired?: Record<string, unknown>;
    },
  };
}

describe("retiring an emergency kit", () => {
  it("refuses a responder, an unknown kit, an empty reason and a NUL, changing nothing", async () => {
    expect((await retireThroughRoute(JSON.stringify({ reason: "old" }), responderToken)).status).toBe(403);
    expect(
      (await retireThroughRoute(JSON.stringify({ reason: "gone" }), commanderToken, "nope")).status,
    ).toBe(404);
    const empty = await retireThroughRoute(JSON.stringify({ reason: "  " }));
    expect(empty.status).toBe(422);
    expect(empty.body.error?.fields?.[0]).toMatchObject({
      path: "reason",
      message: "say why this kit is retired",
    });
    const nul = await retireThroughRoute(JSON.stringify({ reason: "replaced\u0000" }));
    expect(nul.status).toBe(422);
    expect(nul.body.error?.fields?.[0]?.path).toBe("reason");
    expect(await db().kitSignature.count({ where: { kitId } })).toBe(6);
    expect((await db().emergencyKit.findUniqueOrThrow({ where: { id: kitId } })).retiredAt).toBeNull();
  });

  it("waits for a break-glass run in flight: retiring it then would pull the signatures from under it", async () => {
    const author = await memberAuthor(ALICE);
    // A responder's wallet holds the claim (the server handed over the calldata; the wallet has not sent yet).
    const run = await breakGlass({ kitId, input: { mode: "wallet" }, actorKey: "member:alice", author });
    if (run.mode !== "wallet") throw new Error("expected the wallet path");
    incidentIds.push(run.incidentId);
    await expect(
      retireKit({ kitId, input: { reason: "replaced" }, author: await memberAuthor(BOB) }),
    ).rejects.toThrow(/being used to break the glass right now/);
    expect(await db().kitSignature.count({ where: { kitId } })).toBe(6);
    await releaseKitExecution({ executionId: run.executionId, actorKey: "member:alice", author });
  });

  it("a commander retires it with a reason: signatures destroyed, automation off, audited with what is left in vaults", async () => {
    const { status, body } = await retireThroughRoute(
      JSON.stringify({ reason: "Replaced by the pause-with-bridge kit" }),
    );
    expect(status).toBe(200);
    expect(body.retired).toMatchObject({
      signaturesDestroyed: 6,
      exports: 1,
      unsentHandovers: 1, // the wallet run above took the calldata and never sent it
      highestSignedNonce: firstNonce + 2,
    });
    expect(await db().kitSignature.count({ where: { kitId } })).toBe(0);
    const row = await db().emergencyKit.findUniqueOrThrow({ where: { id: kitId } });
    expect(row).toMatchObject({
      isAutoEnabled: false,
      retiredReason: "Replaced by the pause-with-bridge kit",
      lastOwnersToSign: [],
    });
    expect(row.retiredBy).toMatch(/commander|retire-c/);
    const [event] = await listKitEvents(kitId, 1);
    expect(event).toMatchObject({
      kind: "kit.retired",
      payload: {
        reason: "Replaced by the pause-with-bridge kit",
        signaturesDestroyed: 6,
        exports: 1,
        unsentHandovers: 1,
        highestSignedNonce: firstNonce + 2,
      },
    });
  });

  it("is no longer offered, rechecked, bannered or summarised, but its page still shows it as retired", async () => {
    expect((await listBreakableKits()).map((k) => k.id)).not.toContain(kitId);
    expect((await readReadiness()).map((k) => k.kit.id)).not.toContain(kitId);
    expect((await summarizeReadiness()).kits.map((k) => k.id)).not.toContain(kitId);
    expect(await recheckKits({ kitId })).toEqual([]);
    await db().emergencyKit.update({
      where: { id: kitId },
      data: { lastOwnersToSign: [addressOf(ALICE)], lastState: "LOW" },
    });
    expect((await listKitBanners(addressOf(ALICE))).map((k) => k.id)).not.toContain(kitId);
    const [entry] = await readReadiness({ id: kitId, includeRetired: true });
    expect(entry).toMatchObject({ readiness: null, error: null });
    expect(entry!.kit.retired).toMatchObject({ reason: "Replaced by the pause-with-bridge kit" });
    const response = await getKit(
      new Request(`http://localhost/api/kits/${kitId}`, {
        headers: { authorization: `Bearer ${responderToken}` },
      }),
      { params: Promise.resolve({ id: kitId }) } as never,
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { kit: { kit: { retired: unknown } } }).kit.kit.retired).toMatchObject(
      {
        reason: "Replaced by the pause-with-bridge kit",
      },
    );
  });

  it("refuses every way back in: signing, break glass, export, the vault file, automation, a rule, retiring twice", async () => {
    const author = await memberAuthor(ALICE);
    await expect(
      addKitSignature({
        kitId,
        input: {
          nonce: firstNonce,
          signature: await signKit(ALICE, kitId, firstNonce),
          signer: addressOf(ALICE),
        },
        author,
      }),
    ).rejects.toThrow(/is retired/);
    await expect(
      breakGlass({ kitId, input: { mode: "wallet" }, actorKey: "member:alice", author }),
    ).rejects.toThrow(/is retired/);
    await expect(exportKit({ kitId, passphrase: PASSPHRASE, author })).rejects.toThrow(/is retired/);
    // Not even into a kit in service with the same calls (its replacement, say).
    const { globalPause, guardian } = await registry();
    const replacement = await createKit({
      input: {
        name: `Replacement ${randomBytes(3).toString("hex")}`,
        safeId: guardian.id,
        calls: [{ contractId: globalPause.id, signature: "pauseGlobal()", args: [], value: "0" }],
      },
      author,
    });
    await expect(importKit({ file: vaultFile, passphrase: PASSPHRASE, author })).rejects.toThrow(
      /file: the kit it was exported from .* is retired/,
    );
    await expect(setKitAutomation({ kitId, input: { isAutoEnabled: true }, author })).rejects.toThrow(
      /is retired/,
    );
    await expect(assertAutomatableKit(kitId)).rejects.toThrow(/kitId: this kit is retired/);
    expect((await retireThroughRoute(JSON.stringify({ reason: "again" }))).status).toBe(409);
    expect(await db().kitSignature.count({ where: { kitId: { in: [kitId, replacement.id] } } })).toBe(0);
    await retireKit({ kitId: replacement.id, input: { reason: "test over" }, author });
    // The rule still names it: a firing alert declares the incident and says on it that the kit is retired.
    const { source, secret } = await makeSource("events", "bearer");
    const response = await eventsPost(
      deliveryRequest("events", {
        auth: { bearer: secret },
        body: eventsTriggerBody(source.id, alertName, `${alertName}-1`),
      }),
    );
    expect(response.status).toBe(202);
    const { incidentId } = ((await response.json()) as { result: { incidentId: string } }).result;
    incidentIds.push(incidentId);
    const skipped = await db().timelineEvent.findFirstOrThrow({
      where: { incidentId, kind: "kit.automatic_skipped" },
    });
    expect((skipped.payload as { reason: string }).reason).toMatch(
      /^the kit was retired on \d{4}-\d{2}-\d{2} \(Replaced by the pause-with-bridge kit\)$/,
    );
    // Only the wallet run released above: nothing new was claimed.
    expect(await db().kitExecution.findMany({ where: { kitId }, select: { state: true } })).toEqual([
      { state: "failed" },
    ]);
  });
});
