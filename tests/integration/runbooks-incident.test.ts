import { createTestClient, createWalletClient, http, parseEther, publicActions } from "viem";
import { foundry } from "viem/chains";
import { describe, expect, inject, it } from "vitest";
import { db } from "../../lib/db/client";
import {
  attachRunbook,
  checkRunbookItem,
  collectSectionSteps,
  getIncidentRunbooks,
  importRunbook,
  type ParsedRunbook,
  runRunbookVerification,
  suggestRunbooks,
} from "../../lib/runbooks";
import {
  author,
  declare,
  GLOBAL_PAUSE_ANCHOR,
  seededExampleVersion,
  smallRunbook,
  unique,
} from "./runbooks-support";

function stepIndexes(parsed: ParsedRunbook, anchor: string, sectionAnchor: string) {
  return collectSectionSteps(parsed, anchor)
    .filter((item) => item.section.anchor === sectionAnchor)
    .map((item) => item.index);
}

describe("attaching runbooks to an incident", () => {
  it("suggests sections from the severity and attaches one with its timeline event", async () => {
    const { incident } = await declare("P1");
    const example = await seededExampleVersion();
    const { suggestions } = await suggestRunbooks(incident);
    expect(suggestions).toContainEqual(
      expect.objectContaining({
        versionId: example.id,
        anchor: GLOBAL_PAUSE_ANCHOR,
        reasons: ["severity P1"],
      }),
    );
    expect(suggestions.some((s) => s.anchor === "5-oracle-stale-price-or-tripped-circuit-breaker")).toBe(
      false,
    ); // P2
    const { incidentRunbook, isNew } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR },
      author,
    });
    expect(isNew).toBe(true);
    expect(incidentRunbook.title).toBe("2. Global Protocol Pause");
    const again = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR },
      author,
    });
    expect(again).toMatchObject({ isNew: false, incidentRunbook: { id: incidentRunbook.id } });
    const events = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: "runbook.attached" },
    });
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ version: example.version, anchor: GLOBAL_PAUSE_ANCHOR });
    const after = await suggestRunbooks(incident);
    // Only this document's section: other tests import copies of the same runbook under their own slugs.
    expect(
      after.suggestions.some((s) => s.anchor === GLOBAL_PAUSE_ANCHOR && s.versionId === example.id),
    ).toBe(false);
  });

  it("an incident keeps the version it used after a re-import", async () => {
    const title = `Versioned ${unique()}`;
    const v1 = await importRunbook({ source: smallRunbook(title), importedBy: "test" });
    const { incident, ref } = await declare();
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: v1.version.id, anchor: "pause-everything" },
      author,
    });
    const v2 = await importRunbook({ source: smallRunbook(title, "- [ ] A new item\n"), importedBy: "test" });
    expect(v2.version.version).toBe(2);
    const [run] = await getIncidentRunbooks({ id: incident.id, ref });
    expect(run).toMatchObject({
      id: incidentRunbook.id,
      version: { id: v1.version.id, version: 1, latest: 2 },
    });
    expect(run!.steps.map((step) => step.step.text)).not.toContain("A new item");
  });

  it("refuses a section the version does not have, naming the field", async () => {
    const { incident } = await declare();
    const example = await seededExampleVersion();
    await expect(
      attachRunbook({
        incidentId: incident.id,
        input: { versionId: example.id, anchor: "no-such-section" },
        author,
      }),
    ).rejects.toThrow(/anchor: the runbook has no section/);
    expect(await db().incidentRunbook.count({ where: { incidentId: incident.id } })).toBe(0);
  });
});

describe("the checklist run", () => {
  it("each tick and untick is a timeline event; the state is the latest event per step", async () => {
    const { incident, ref } = await declare();
    const example = await seededExampleVersion();
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR },
      author,
    });
    const items = stepIndexes(example.parsed as ParsedRunbook, GLOBAL_PAUSE_ANCHOR, "pre-unpause-checklist");
    expect(items).toHaveLength(6);
    const tick = (stepIndex: number, isChecked: boolean) =>
      checkRunbookItem({
        incidentId: incident.id,
        incidentRunbookId: incidentRunbook.id,
        input: { stepIndex, isChecked },
        author,
      });

    expect((await tick(items[0]!, true)).isChanged).toBe(true);
    expect((await tick(items[1]!, true)).isChanged).toBe(true);
    expect((await tick(items[0]!, true)).isChanged).toBe(false); // already ticked: no second event
    expect((await tick(items[1]!, false)).isChanged).toBe(true);

    const events = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: "checklist.item_checked" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.payload)).toEqual([
      {
        incidentRunbookId: incidentRunbook.id,
        stepIndex: items[0],
        text: "Root cause found and fixed (link the fix in the timeline)",
        isChecked: true,
      },
      {
        incidentRunbookId: incidentRunbook.id,
        stepIndex: items[1],
        text: expect.stringContaining("No unexplained state changes"),
        isChecked: true,
      },
      {
        incidentRunbookId: incidentRunbook.id,
        stepIndex: items[1],
        text: expect.stringContaining("No unexplained state changes"),
        isChecked: false,
      },
    ]);
    const [run] = await getIncidentRunbooks({ id: incident.id, ref });
    const byIndex = new Map(run!.steps.map((step) => [step.index, step]));
    expect(byIndex.get(items[0]!)?.check).toMatchObject({ isChecked: true, by: "runbooks test" });
    expect(byIndex.get(items[1]!)?.check).toMatchObject({ isChecked: false });
    expect(run!.progress.checked).toBe(1);
  });

  it("refuses a note and a step that does not exist, writing nothing", async () => {
    const { incident } = await declare();
    const example = await seededExampleVersion();
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: "pause-guardian-safe" },
      author,
    });
    const noteIndex = collectSectionSteps(example.parsed as ParsedRunbook, "pause-guardian-safe").find(
      (item) => item.step.kind === "note",
    )!.index;
    for (const stepIndex of [noteIndex, 999]) {
      await expect(
        checkRunbookItem({
          incidentId: incident.id,
          incidentRunbookId: incidentRunbook.id,
          input: { stepIndex, isChecked: true },
          author,
        }),
      ).rejects.toThrow(/stepIndex/);
    }
    expect(
      await db().timelineEvent.count({ where: { incidentId: incident.id, kind: "checklist.item_checked" } }),
    ).toBe(0);
  });
});

describe("verification steps", () => {
  it("record the real chain value and whether it matched", async () => {
    const deployment = inject("deployment");
    const chain = createTestClient({
      chain: foundry,
      mode: "anvil",
      transport: http(inject("rpcUrl")),
    }).extend(publicActions);
    const { incident } = await declare();
    const example = await seededExampleVersion();
    const parsed = example.parsed as ParsedRunbook;
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR },
      author,
    });
    const verifies = collectSectionSteps(parsed, GLOBAL_PAUSE_ANCHOR).filter(
      (item) => item.step.kind === "verify",
    );
    const [afterPause, afterUnpause] = verifies.map((item) => item.index);
    const run = (stepIndex: number) =>
      runRunbookVerification({
        incidentId: incident.id,
        incidentRunbookId: incidentRunbook.id,
        input: { stepIndex },
        author,
      });

    const unpaused = await run(afterUnpause!);
    expect(unpaused.payload).toMatchObject({
      actual: "false",
      expected: "false",
      isPassed: true,
      signature: "isGloballyPaused()(bool)",
    });
    expect((await run(afterPause!)).payload).toMatchObject({
      actual: "false",
      expected: "true",
      isPassed: false,
    });

    // Pause for real (the Guardian Safe holds GUARDIAN_ROLE; anvil lets us act as it), read again, restore.
    const snapshot = await chain.snapshot();
    try {
      const guardian = deployment.safes.guardian.address;
      await chain.impersonateAccount({ address: guardian });
      await chain.setBalance({ address: guardian, value: parseEther("1") });
      const wallet = createWalletClient({ chain: foundry, transport: http(inject("rpcUrl")) });
      const hash = await wallet.sendTransaction({
        account: guardian,
        to: deployment.contracts.globalPauseRegistry,
        data: "0x98e9a952", // pauseGlobal()
      });
      const receipt = await chain.waitForTransactionReceipt({ hash });
      const paused = await run(afterPause!);
      expect(paused.payload).toMatchObject({ actual: "true", expected: "true", isPassed: true });
      expect(BigInt((paused.payload as { blockNumber: string }).blockNumber)).toBeGreaterThanOrEqual(
        receipt.blockNumber,
      );
      expect(paused.kind).toBe("verification.recorded");
      expect((paused.payload as { source: string }).source).toBe(
        `runbook:${incidentRunbook.id}:${afterPause}`,
      );
    } finally {
      await chain.revert({ id: snapshot });
    }
    const [view] = await getIncidentRunbooks({ id: incident.id, ref: "INC-0" });
    expect(view!.steps.find((step) => step.index === afterPause)?.verification).toMatchObject({
      actual: "true",
      isPassed: true,
    });
  });

  it("refuses a step that is not a verification", async () => {
    const { incident } = await declare();
    const example = await seededExampleVersion();
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: "pre-unpause-checklist" },
      author,
    });
    await expect(
      runRunbookVerification({
        incidentId: incident.id,
        incidentRunbookId: incidentRunbook.id,
        input: { stepIndex: 0 },
        author,
      }),
    ).rejects.toThrow(/not a verification/);
  });
});
