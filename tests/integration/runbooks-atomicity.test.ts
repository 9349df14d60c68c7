import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { attachRunbook, checkRunbookItem, getIncidentRunbooks } from "../../lib/runbooks";
import { setTimelineSubscribers, timelineSubscribers } from "../../lib/timeline";
import { author, declare, GLOBAL_PAUSE_ANCHOR, seededExampleVersion } from "./runbooks-support";

// The database write of the event succeeds and then something fails before the commit (a crash, a lost
// connection): the change it records must not remain. The real appendTimelineEvent runs, then a subscriber
// (the timeline's own seam, run in the event's transaction) fails for the chosen kind.
const failure = { kind: null as string | null };
setTimelineSubscribers([
  ...timelineSubscribers(),
  async (_tx, event) => {
    if (event.kind === failure.kind) throw new Error("simulated failure after the event insert");
  },
]);

describe("a failure to write the event leaves nothing", () => {
  it("attaching: no checklist run without its runbook.attached event", async () => {
    const { incident, ref } = await declare();
    const example = await seededExampleVersion();
    failure.kind = "runbook.attached";
    try {
      await expect(
        attachRunbook({
          incidentId: incident.id,
          input: { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR },
          author,
        }),
      ).rejects.toThrow(/simulated failure/);
    } finally {
      failure.kind = null;
    }
    expect(await db().incidentRunbook.count({ where: { incidentId: incident.id } })).toBe(0);
    expect(await getIncidentRunbooks({ id: incident.id, ref })).toEqual([]);
  });

  it("ticking: the item stays unticked and no event remains", async () => {
    const { incident, ref } = await declare();
    const example = await seededExampleVersion();
    const { incidentRunbook } = await attachRunbook({
      incidentId: incident.id,
      input: { versionId: example.id, anchor: "pre-unpause-checklist" },
      author,
    });
    failure.kind = "checklist.item_checked";
    try {
      await expect(
        checkRunbookItem({
          incidentId: incident.id,
          incidentRunbookId: incidentRunbook.id,
          input: { stepIndex: 0, isChecked: true },
          author,
        }),
      ).rejects.toThrow(/simulated failure/);
    } finally {
      failure.kind = null;
    }
    expect(
      await db().timelineEvent.count({ where: { incidentId: incident.id, kind: "checklist.item_checked" } }),
    ).toBe(0);
    const [run] = await getIncidentRunbooks({ id: incident.id, ref });
    expect(run!.steps[0]!.check).toBeNull();
    // And once the failure is gone the same tick goes through.
    const { isChanged } = await checkRunbookItem({
      incidentId: incident.id,
      incidentRunbookId: incidentRunbook.id,
      input: { stepIndex: 0, isChecked: true },
      author,
    });
    expect(isChanged).toBe(true);
  });
});
