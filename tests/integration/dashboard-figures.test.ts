import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboard, ZDashboardQuery } from "../../lib/dashboard";
import { db } from "../../lib/db";
import { formatIncidentRef } from "../../lib/incidents";
import { appendTimelineEvent, SYSTEM_AUTHOR } from "../../lib/timeline";

// Known timestamps in 2001: nothing else in the shared test database is declared that early, and at this
// `now` nothing declared later by other tests is overdue, so every figure below is exactly ours.
const NOW = new Date("2001-03-15T12:00:00Z"); // a Thursday
const WEEK = ["2001-02-19", "2001-02-26", "2001-03-05", "2001-03-12"].map((d) => new Date(`${d}T00:00:00Z`));
const H = 3_600_000;
const S = 1_000;

const run = randomUUID().slice(0, 6).toUpperCase();
const A = { severityName: `DA${run}`, severityRank: 0, severityColor: "#dc2626", responseTargetSeconds: 900 };
const B = {
  severityName: `DB${run}`,
  severityRank: 1,
  severityColor: "#ea580c",
  responseTargetSeconds: 3600,
};

async function incident(
  severity: typeof A,
  declaredAt: Date,
  stamps: { ack?: number; resolved?: number; contained?: number; isDrill?: boolean } = {},
) {
  const at = (seconds?: number) =>
    seconds === undefined ? null : new Date(declaredAt.getTime() + seconds * S);
  return db().incident.create({
    data: {
      ...severity,
      title: `Dashboard ${run}`,
      updateCadenceSeconds: 1800,
      isDrill: stamps.isDrill ?? false,
      status: stamps.resolved === undefined ? "investigating" : "resolved",
      declaredAt,
      acknowledgedAt: at(stamps.ack),
      resolvedAt: at(stamps.resolved),
      containedAt: at(stamps.contained),
    },
  });
}

async function verification(
  incident: { id: string; declaredAt: Date },
  afterSeconds: number,
  read: { signature: string; actual: string; expected: string | null; isPassed: boolean | null },
) {
  await db().$transaction((tx) =>
    appendTimelineEvent(tx, {
      incidentId: incident.id,
      kind: "verification.recorded",
      payload: { contract: "GlobalPauseRegistry", address: "0x0", args: [], blockNumber: "1", ...read },
      author: SYSTEM_AUTHOR,
      at: new Date(incident.declaredAt.getTime() + afterSeconds * S),
    }),
  );
}

let refs: Record<string, string>;

beforeAll(async () => {
  const a1 = await incident(A, new Date(WEEK[1]!.getTime() + H), {
    ack: 300,
    resolved: 7200,
    contained: 1800,
  });
  // Ignored: a failed pause read, and an "unpause" signature reading true. Counted: the passing pause at +600 s.
  await verification(a1, 100, {
    signature: "isGloballyPaused()(bool)",
    actual: "false",
    expected: "true",
    isPassed: false,
  });
  await verification(a1, 50, {
    signature: "isUnpaused()(bool)",
    actual: "true",
    expected: null,
    isPassed: null,
  });
  await verification(a1, 600, {
    signature: "isGloballyPaused()(bool)",
    actual: "true",
    expected: "true",
    isPassed: true,
  });
  await verification(a1, 900, {
    signature: "paused()(bool)",
    actual: "true",
    expected: "true",
    isPassed: true,
  });
  // No verification: the stamp a person set counts (1200 s).
  await incident(A, new Date(WEEK[1]!.getTime() + 2 * H), { ack: 900, resolved: 3600, contained: 1200 });
  await incident(A, new Date(WEEK[3]!.getTime() + H), { ack: 60 });
  const breached = await incident(A, new Date(NOW.getTime() - 20 * 60 * S));
  await incident(A, new Date(NOW.getTime() - 10 * 60 * S)); // 10 of 15 minutes: not yet a breach
  const drill = await incident(A, new Date(NOW.getTime() - 2 * H), { isDrill: true });
  await incident(A, new Date(WEEK[0]!.getTime() - 24 * H), { ack: 5, resolved: 10 }); // before the window
  const b1 = await incident(B, new Date(WEEK[0]!.getTime() + 24 * H), { ack: 120, resolved: 600 });
  await verification(b1, 400, {
    signature: "paused()(bool)",
    actual: "true",
    expected: null,
    isPassed: null,
  });
  await incident(B, new Date(WEEK[2]!.getTime() + 3 * H), { ack: 240 });

  const postMortem = await db().postMortem.create({
    data: { incidentId: a1.id, body: "draft", dueAt: new Date("2001-03-01T00:00:00Z") },
  });
  await db().actionItem.createMany({
    data: [
      { incidentId: a1.id, title: `Overdue ${run}`, dueAt: new Date("2001-03-10T00:00:00Z") },
      { incidentId: a1.id, title: `Done ${run}`, dueAt: new Date("2001-03-10T00:00:00Z"), status: "done" },
      { incidentId: a1.id, title: `Later ${run}`, dueAt: new Date("2001-04-10T00:00:00Z") },
    ],
  });
  refs = {
    a1: formatIncidentRef(a1.number),
    breached: formatIncidentRef(breached.number),
    drill: formatIncidentRef(drill.number),
    postMortem: postMortem.id,
  };
});

describe("dashboard figures", () => {
  it("counts open incidents per severity, without drills", async () => {
    const { open } = await getDashboard({ now: NOW, query: { weeks: 4 } });
    const ours = open.filter((row) => row.severityName.endsWith(run));
    expect(ours).toEqual([
      { severityName: A.severityName, severityRank: 0, color: "#dc2626", count: 3 },
      { severityName: B.severityName, severityRank: 1, color: "#ea580c", count: 1 },
    ]);
  });

  it("lists unacknowledged incidents past their response target, with how late they are", async () => {
    const { breaches } = await getDashboard({ now: NOW, query: { weeks: 4 } });
    const ours = breaches.filter((breach) => breach.severityName.endsWith(run));
    expect(ours.map((breach) => [breach.ref, breach.overdueSeconds, breach.dueAt.toISOString()])).toEqual([
      [refs.breached, 300, "2001-03-15T11:55:00.000Z"],
    ]);
  });

  it("averages MTTA, MTTR and time to contain per severity over the window and per week", async () => {
    const dashboard = await getDashboard({ now: NOW, query: { weeks: 4 } });
    expect(dashboard.window.buckets).toEqual(WEEK);
    const summaries = dashboard.summaries.filter((row) => row.severityName.endsWith(run));
    expect(summaries).toEqual([
      {
        severityName: A.severityName,
        severityRank: 0,
        color: "#dc2626",
        declared: 5,
        acknowledged: 3,
        mttaSeconds: 420, // (300 + 900 + 60) / 3
        resolved: 2,
        mttrSeconds: 5400, // (7200 + 3600) / 2
        contained: 2,
        ttcSeconds: 900, // first passing pause read at 600, stamp 1200 without one
      },
      {
        severityName: B.severityName,
        severityRank: 1,
        color: "#ea580c",
        declared: 2,
        acknowledged: 2,
        mttaSeconds: 180,
        resolved: 1,
        mttrSeconds: 600,
        contained: 1,
        ttcSeconds: 400,
      },
    ]);
    const a = dashboard.series.find((line) => line.severityName === A.severityName)!;
    expect(a.points).toEqual({
      mttaSeconds: [null, 600, null, 60],
      mttrSeconds: [null, 5400, null, null],
      ttcSeconds: [null, 900, null, null],
    });
    const b = dashboard.series.find((line) => line.severityName === B.severityName)!;
    expect(b.points.mttaSeconds).toEqual([120, null, 240, null]);
  });

  it("lists overdue post-mortems and open action items past due", async () => {
    const dashboard = await getDashboard({ now: NOW, query: { weeks: 4 } });
    expect(dashboard.overduePostMortems.map((row) => row.id)).toContain(refs.postMortem);
    const titles = dashboard.overdueActionItems.map((item) => item.title);
    expect(titles).toContain(`Overdue ${run}`);
    expect(titles).not.toContain(`Done ${run}`);
    expect(titles).not.toContain(`Later ${run}`);
  });

  it("refuses a period it does not offer, naming the field", () => {
    const parsed = ZDashboardQuery.safeParse({ weeks: "5" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["weeks"]);
  });
});
