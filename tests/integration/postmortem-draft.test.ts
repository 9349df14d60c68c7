import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { addTimelineEntry, transitionIncident } from "../../lib/incidents";
import { getPostMortem, onIncidentResolved } from "../../lib/postmortems";
import { appendTimelineEvent, authorFromActor } from "../../lib/timeline";
import {
  addNote,
  declareTestIncident,
  memberActor,
  minutesAfter,
  pin,
  resolveIncident,
} from "./postmortem-support";

const T0 = new Date("2025-05-10T08:00:00.000Z");
const TX_HASH = `0x${"c0ffee".repeat(10)}abcd`;

/** A chain with an explorer, a Safe and a proposal row: what the Safe flow leaves behind once executed. */
async function executedProposalFixture() {
  const chainId = 900_000 + Math.floor(Math.random() * 90_000);
  await db().chain.create({
    data: {
      id: chainId,
      name: "Testnet",
      rpcUrls: ["http://127.0.0.1:1"],
      explorerUrl: "https://scan.example/",
    },
  });
  const safe = await db().safe.create({
    data: {
      address: `0x${chainId.toString(16).padStart(40, "0")}`,
      chainId,
      label: "Guardian Safe",
      owners: [],
    },
  });
  return { safe };
}

describe("post-mortem draft on resolve", () => {
  it("drafts from the timeline: pinned note, correction, executed transaction, verification", async () => {
    const bob = await memberActor("Bob Okafor");
    const incident = await declareTestIncident({
      title: "Bridge withdrawals drained",
      actor: bob,
      now: T0,
      impact: "Withdrawals from the bridge",
    });
    const note = await addNote(incident, bob, "Outflows 40x normal from the bridge", minutesAfter(T0, 2));
    await pin(incident, bob, note.id, minutesAfter(T0, 3));
    await addNote(incident, bob, "Not pinned", minutesAfter(T0, 4));
    await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "event.corrected", correctsId: note.id, markdown: "Outflows 30x, not 40x" },
      author: authorFromActor(bob),
      now: minutesAfter(T0, 5),
    });
    const { safe } = await executedProposalFixture();
    const proposal = await db().safeProposal.create({
      data: {
        incidentId: incident.id,
        safeId: safe.id,
        title: "Pause the bridge",
        nonce: 0,
        to: safe.address,
        value: "0",
        data: "0x",
        operation: 0,
        calls: [],
        safeTxHash: `0x${"11".repeat(32)}`,
        domainHash: `0x${"22".repeat(32)}`,
        messageHash: `0x${"33".repeat(32)}`,
        state: "executed",
        executedTxHash: TX_HASH,
        executedBlock: 777,
      },
    });
    await db().$transaction(async (tx) => {
      await appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "proposal.executed",
        author: authorFromActor(bob),
        at: minutesAfter(T0, 20),
        payload: {
          proposalId: proposal.id,
          txHash: TX_HASH,
          blockNumber: 777,
          isSuccess: true,
          isReconciled: false,
        },
      });
      await appendTimelineEvent(tx, {
        incidentId: incident.id,
        kind: "verification.recorded",
        author: authorFromActor(bob),
        at: minutesAfter(T0, 21),
        payload: {
          contract: "GlobalPauseRegistry",
          address: "0x0000000000000000000000000000000000000001",
          signature: "isGloballyPaused()(bool)",
          args: [],
          expected: "true",
          actual: "true",
          isPassed: true,
          blockNumber: "778",
        },
      });
    });
    await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "contain", reason: "Bridge paused" },
      author: authorFromActor(bob),
      now: minutesAfter(T0, 22),
    });
    await resolveIncident(incident, bob, minutesAfter(T0, 90));

    const postMortem = await getPostMortem(incident.id);
    expect(postMortem).not.toBeNull();
    const body = postMortem!.body;
    expect(body).toContain("# Post-mortem: INC-");
    expect(body).toContain("| Time to contain | 22 min |");
    expect(body).toContain("| Duration | 1 h 30 min |");
    expect(body).toContain("| Commander | Bob Okafor |");
    expect(body).toContain("📌 **Pinned** · **08:02 UTC** — Note: Outflows 40x normal from the bridge");
    expect(body).toContain("- **08:04 UTC** — Note: Not pinned");
    expect(body).toContain("  - ✏️ Corrected 2025-05-10 08:05 UTC by _Bob Okafor_: Outflows 30x, not 40x");
    expect(body).toContain(
      `**On-chain transaction executed**: Pause the bridge (Guardian Safe) — tx [\`${TX_HASH}\`](https://scan.example/tx/${TX_HASH}), block 777`,
    );
    expect(body).toContain("Verification ✓ pass: GlobalPauseRegistry.isGloballyPaused()(bool) = `true`");
    expect(body).toContain("## Root cause");
    expect(postMortem!.status).toBe("draft");
    expect(postMortem!.version).toBe(1);
    // Due 48 h after resolution (P1).
    expect(postMortem!.dueAt.toISOString()).toBe("2025-05-12T09:30:00.000Z");
    expect(postMortem!.revisions.map((r) => [r.version, r.authorName])).toEqual([
      [1, "Breakglass (generated draft)"],
    ]);
    const created = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: "postmortem.created" },
    });
    expect(created).toHaveLength(1);
    expect(created[0]!.payload).toEqual({ postMortemId: postMortem!.id, dueAt: "2025-05-12T09:30:00.000Z" });
  });

  it("keeps the edited post-mortem when a reopened incident is resolved again", async () => {
    const bob = await memberActor("Bob Okafor");
    const incident = await declareTestIncident({ title: "Oracle stale twice", actor: bob, now: T0 });
    await resolveIncident(incident, bob, minutesAfter(T0, 10));
    const first = await getPostMortem(incident.id);
    await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "reopen", reason: "again" },
      author: authorFromActor(bob),
      now: minutesAfter(T0, 20),
    });
    await resolveIncident(incident, bob, minutesAfter(T0, 30));
    const second = await getPostMortem(incident.id);
    expect(second!.id).toBe(first!.id);
    expect(second!.body).toBe(first!.body);
    expect(
      await db().timelineEvent.count({ where: { incidentId: incident.id, kind: "postmortem.created" } }),
    ).toBe(1);
  });

  it("writes only through the resolving transaction: a failed resolve leaves no post-mortem", async () => {
    const bob = await memberActor("Bob Okafor");
    const incident = await declareTestIncident({ title: "Resolve must be atomic", actor: bob, now: T0 });
    await expect(
      db().$transaction(async (tx) => {
        const resolved = await tx.incident.update({
          where: { id: incident.id },
          data: { resolvedAt: minutesAfter(T0, 5), status: "resolved" },
        });
        await onIncidentResolved(tx, resolved, authorFromActor(bob));
        expect(await tx.postMortem.findUnique({ where: { incidentId: incident.id } })).not.toBeNull();
        throw new Error("resolve failed after the hook");
      }),
    ).rejects.toThrow("resolve failed");
    expect(await db().postMortem.findUnique({ where: { incidentId: incident.id } })).toBeNull();
    expect(
      await db().timelineEvent.count({ where: { incidentId: incident.id, kind: "postmortem.created" } }),
    ).toBe(0);
  });
});
