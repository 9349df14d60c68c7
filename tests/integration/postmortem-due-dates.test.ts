import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { formatIncidentRef } from "../../lib/incidents";
import {
  changePostMortemStatus,
  createActionItem,
  getPostMortem,
  listActionItems,
  listOverdueActionItems,
  listOverduePostMortems,
  updateActionItem,
  ZCreateActionItem,
} from "../../lib/postmortems";
import { declareTestIncident, memberActor, resolveIncident } from "./postmortem-support";

// A controlled clock: every time below is fixed; "now" is passed in, never read from the machine.
const DECLARED = new Date("2025-07-01T09:00:00.000Z");
const RESOLVED = new Date("2025-07-01T11:00:00.000Z");
const HOUR = 3_600_000;
const at = (hoursAfterResolution: number, seconds = 0) =>
  new Date(RESOLVED.getTime() + hoursAfterResolution * HOUR + seconds * 1000);
const customLevel = `PMDUE${Math.floor(Math.random() * 1e6)}`;

afterAll(async () => {
  await db().severityLevel.deleteMany({ where: { name: customLevel } });
});

async function resolved(title: string, severity: string) {
  const bob = await memberActor("Bob Okafor");
  const incident = await declareTestIncident({ title, severity, actor: bob, now: DECLARED });
  await resolveIncident(incident, bob, RESOLVED);
  return incident;
}

const overdueIds = async (now: Date) => (await listOverduePostMortems(now)).map((row) => row.incidentId);

describe("post-mortem due dates", () => {
  it("is due 48 h after resolution and overdue after that until published", async () => {
    const incident = await resolved("Due in 48 hours", "P1");
    expect((await getPostMortem(incident.id))!.dueAt).toEqual(at(48));
    expect(await overdueIds(at(48, -1))).not.toContain(incident.id);
    expect(await overdueIds(at(48))).not.toContain(incident.id);
    expect(await overdueIds(at(48, 1))).toContain(incident.id);
    const overdue = (await listOverduePostMortems(at(49))).find((row) => row.incidentId === incident.id);
    expect(overdue).toMatchObject({ incidentRef: formatIncidentRef(incident.number), status: "draft" });

    const dave = await memberActor("Dave Kim");
    const bob = await memberActor("Bob Okafor");
    await changePostMortemStatus({ incidentId: incident.id, status: "in_review", actor: dave });
    expect(await overdueIds(at(49))).toContain(incident.id);
    await changePostMortemStatus({ incidentId: incident.id, status: "published", actor: bob });
    expect(await overdueIds(at(49))).not.toContain(incident.id);
  });

  it("uses the severity level's own allowance (P3: 7 days; a level set to 1 h)", async () => {
    const p3 = await resolved("Low severity, a week", "P3");
    expect((await getPostMortem(p3.id))!.dueAt).toEqual(at(7 * 24));
    expect(await overdueIds(at(48, 1))).not.toContain(p3.id);

    await db().severityLevel.create({
      data: { name: customLevel, rank: 90, responseTargetSeconds: 600, postmortemDueSeconds: 3600 },
    });
    const quick = await resolved("Custom level, one hour", customLevel);
    expect((await getPostMortem(quick.id))!.dueAt).toEqual(at(1));
    expect(await overdueIds(at(1, 1))).toContain(quick.id);
  });

  it("falls back to 48 h when the incident's level no longer exists", async () => {
    const bob = await memberActor("Bob Okafor");
    const name = `${customLevel}X`;
    await db().severityLevel.create({
      data: { name, rank: 91, responseTargetSeconds: 600, postmortemDueSeconds: 600 },
    });
    const incident = await declareTestIncident({
      title: "Level deleted meanwhile",
      severity: name,
      actor: bob,
      now: DECLARED,
    });
    await db().severityLevel.delete({ where: { name } });
    await resolveIncident(incident, bob, RESOLVED);
    expect((await getPostMortem(incident.id))!.dueAt).toEqual(at(48));
  });
});

describe("action item due dates", () => {
  it("lists open items past their due date as overdue, first, until done", async () => {
    const incident = await resolved("Action items due", "P1");
    const bob = await memberActor("Bob Okafor");
    const erin = await memberActor("Erin Park");
    const ref = formatIncidentRef(incident.number);
    const due = "2025-07-05"; // end of that day, UTC
    const late = await createActionItem({
      input: ZCreateActionItem.parse({
        incidentRef: ref,
        title: "Add an oracle staleness alert",
        ownerId: erin.id,
        dueAt: due,
      }),
      actor: bob,
    });
    const later = await createActionItem({
      input: ZCreateActionItem.parse({
        incidentRef: ref,
        title: "Rotate keeper key",
        ownerId: erin.id,
        dueAt: "2025-08-01",
      }),
      actor: bob,
    });
    const undated = await createActionItem({
      input: ZCreateActionItem.parse({ incidentRef: ref, title: "Write a drill" }),
      actor: bob,
    });
    await expect(
      createActionItem({
        input: ZCreateActionItem.parse({
          incidentRef: ref,
          title: "Owner is not a member",
          ownerId: "nobody",
        }),
        actor: bob,
      }),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE",
      fields: [{ path: "ownerId", message: "is not a member" }],
    });
    expect(() =>
      ZCreateActionItem.parse({ incidentRef: ref, title: "Bad date", dueAt: "next week" }),
    ).toThrow();
    const endOfDue = new Date("2025-07-05T23:59:59.000Z");
    const overdueAt = async (now: Date) => (await listOverdueActionItems(now)).map((item) => item.id);
    expect(await overdueAt(endOfDue)).not.toContain(late.id);
    expect(await overdueAt(new Date(endOfDue.getTime() + 1000))).toContain(late.id);

    const listed = await listActionItems({ incidentId: incident.id }, new Date("2025-07-10T00:00:00.000Z"));
    expect(listed.map((item) => [item.id, item.isOverdue])).toEqual([
      [late.id, true],
      [later.id, false],
      [undated.id, false],
    ]);
    const byOwner = await listActionItems({ ownerId: erin.id, incidentId: incident.id }, endOfDue);
    expect(byOwner.map((item) => item.id)).toEqual([late.id, later.id]);

    await updateActionItem({ id: late.id, input: { status: "done" }, actor: erin });
    expect(await overdueAt(new Date("2025-07-10T00:00:00.000Z"))).not.toContain(late.id);
    const done = await listActionItems({ status: "done", incidentId: incident.id }, endOfDue);
    expect(done.map((item) => item.id)).toEqual([late.id]);
    const events = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: { startsWith: "action_item." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual([
      "action_item.created",
      "action_item.created",
      "action_item.created",
      "action_item.status_changed",
    ]);
    expect(events[3]!.payload).toMatchObject({
      from: "open",
      to: "done",
      title: "Add an oracle staleness alert",
    });
  });
});
