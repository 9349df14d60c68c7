import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { onIncidentResolved } from "@/lib/postmortems";
import { db } from "../../lib/db/client";
import {
  addTimelineEntry,
  assignIncidentRole,
  declareIncident,
  listIncidents,
  listTimelineEvents,
  transitionIncident,
} from "../../lib/incidents";
import { SYSTEM_AUTHOR } from "../../lib/timeline";

const author = { type: "system" as const, id: null, label: "incidents test" };
const unique = () => randomUUID().slice(0, 8);

async function declare(title: string, extra: Record<string, unknown> = {}) {
  return (await declareIncident({ input: { title, severity: "P1", ...extra }, author })).incident;
}

describe("timeline rows through Prisma", () => {
  it("PostgreSQL itself refuses UPDATE and DELETE of a timeline event", async () => {
    const incident = await declare(`Append-only ${unique()}`);
    const [event] = await listTimelineEvents({ incidentId: incident.id });
    await expect(
      db().timelineEvent.update({ where: { id: event!.id }, data: { kind: "tampered" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().timelineEvent.delete({ where: { id: event!.id } })).rejects.toThrow(/append-only/);
    await expect(db().timelineEvent.deleteMany({ where: { incidentId: incident.id } })).rejects.toThrow(
      /append-only/,
    );
    const after = await db().timelineEvent.findUnique({ where: { id: event!.id } });
    expect(after?.kind).toBe("incident.declared");
  });
});

describe("declaring with an idempotency key", () => {
  it("the same key twice, in sequence and concurrently, creates one incident", async () => {
    const key = `idem-${randomUUID()}`;
    const first = await declareIncident({
      input: { title: "Double submit", severity: "P1", idempotencyKey: key },
      author,
    });
    const again = await declareIncident({
      input: { title: "Double submit", severity: "P1", idempotencyKey: key },
      author,
    });
    expect(first.isNew).toBe(true);
    expect(again).toMatchObject({ isNew: false, incident: { id: first.incident.id } });

    const raceKey = `race-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        declareIncident({ input: { title: "Race", severity: "P2", idempotencyKey: raceKey }, author }),
      ),
    );
    expect(new Set(results.map((result) => result.incident.id)).size).toBe(1);
    expect(results.filter((result) => result.isNew)).toHaveLength(1);
    expect(await db().incident.count({ where: { idempotencyKey: raceKey } })).toBe(1);
    const events = await listTimelineEvents({ incidentId: results[0]!.incident.id });
    expect(events.filter((event) => event.kind === "incident.declared")).toHaveLength(1);
  });
});

describe("lifecycle", () => {
  it("acknowledges, contains and resolves with timestamps and events, and an incident keeps its level", async () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const incident = (
      await declareIncident({ input: { title: `Lifecycle ${unique()}`, severity: "P1" }, author, now: t0 })
    ).incident;
    expect(incident).toMatchObject({
      severityName: "P1",
      responseTargetSeconds: 900,
      status: "investigating",
    });
    const at = (min: number) => new Date(t0.getTime() + min * 60_000);
    const acked = await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "acknowledge" },
      author,
      now: at(3),
    });
    expect(acked.acknowledgedAt).toEqual(at(3));
    await expect(
      transitionIncident({
        incidentId: incident.id,
        onResolved: onIncidentResolved,
        transition: { action: "acknowledge" },
        author,
      }),
    ).rejects.toThrow(/already acknowledged/);
    await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "set_phase", phase: "contain" },
      author,
      now: at(4),
    });
    const contained = await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "contain" },
      author,
      now: at(10),
    });
    // Containing moves the workflow on past CONTAIN.
    expect(contained).toMatchObject({ containedAt: at(10), status: "monitoring", phase: "notify" });
    const resolved = await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "resolve", summary: "fixed" },
      author,
      now: at(60),
    });
    expect(resolved).toMatchObject({
      status: "resolved",
      phase: "resolve",
      resolvedAt: at(60),
      nextUpdateDueAt: null,
    });
    const kinds = (await listTimelineEvents({ incidentId: incident.id })).map((event) => event.kind);
    // The post-mortem hook runs in the same transaction and may add its own events after these.
    expect(kinds.slice(0, 9)).toEqual([
      "incident.declared",
      "incident.acknowledged",
      "incident.phase_changed",
      "incident.contained",
      "incident.status_changed",
      "incident.phase_changed",
      "incident.status_changed",
      "incident.phase_changed",
      "incident.resolved",
    ]);
  });

  it("a failing event write leaves the incident unchanged (one transaction)", async () => {
    const incident = await declare(`Atomic ${unique()}`);
    await expect(
      addTimelineEntry({
        incidentId: incident.id,
        entry: { kind: "event.corrected", correctsId: 2_000_000_000, markdown: "x" },
        author,
      }),
    ).rejects.toThrow(/not on this incident/);
    expect((await listTimelineEvents({ incidentId: incident.id })).map((e) => e.kind)).toEqual([
      "incident.declared",
    ]);
  });

  it("roles are assigned and handed off, recorded with who from and who to", async () => {
    const incident = await declare(`Roles ${unique()}`);
    const [bob, carol] = await Promise.all([
      db().member.findFirstOrThrow({ where: { displayName: "Bob Okafor" } }),
      db().member.findFirstOrThrow({ where: { displayName: "Carol Diaz" } }),
    ]);
    await assignIncidentRole({
      incidentId: incident.id,
      input: { role: "commander", memberId: bob.id },
      author,
    });
    const handed = await assignIncidentRole({
      incidentId: incident.id,
      input: { role: "commander", memberId: carol.id },
      author,
    });
    expect(handed.commanderId).toBe(carol.id);
    const events = await listTimelineEvents({ incidentId: incident.id, kinds: ["incident.role_assigned"] });
    expect(events.at(-1)?.payload).toEqual({
      role: "commander",
      member: { id: carol.id, name: "Carol Diaz" },
      previous: { id: bob.id, name: "Bob Okafor" },
    });
  });
});

describe("timeline entries", () => {
  it("pins, unpins and corrects as new events pointing at the old one", async () => {
    const incident = await declare(`Entries ${unique()}`);
    const note = await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "note.added", markdown: "Oracle at **$0.97**" },
      author,
    });
    await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "event.pinned", eventId: note.id },
      author,
    });
    await expect(
      addTimelineEntry({
        incidentId: incident.id,
        entry: { kind: "event.pinned", eventId: note.id },
        author,
      }),
    ).rejects.toThrow(/already pinned/);
    await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "event.unpinned", eventId: note.id },
      author,
    });
    const correction = await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "event.corrected", correctsId: note.id, markdown: "Oracle at **$0.79**" },
      author: SYSTEM_AUTHOR,
    });
    expect(correction.correctsId).toBe(note.id);
    expect((await db().timelineEvent.findUnique({ where: { id: note.id } }))?.payload).toEqual({
      markdown: "Oracle at **$0.97**",
    });
  });

  it("a communication update sets the next update due from the severity cadence", async () => {
    const incident = await declare(`Comms ${unique()}`);
    const now = new Date();
    const event = await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "comms.update_posted", template: "musd-incident", text: "🚨 INCIDENT: x" },
      author,
      now,
    });
    const due = new Date(now.getTime() + 1800 * 1000);
    expect(event.payload).toMatchObject({ nextUpdateDueAt: due.toISOString() });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).nextUpdateDueAt).toEqual(
      due,
    );
  });
});

describe("incident list", () => {
  it("shows open incidents first, pages by cursor without gaps or repeats, and searches title and ref", async () => {
    const tag = `List${unique()}`;
    const base = Date.parse("2025-03-01T00:00:00Z");
    const made = [];
    for (let i = 0; i < 7; i++) {
      const { incident } = await declareIncident({
        input: { title: `${tag} incident ${i}`, severity: i % 2 ? "P2" : "P1" },
        author,
        now: new Date(base + i * 60_000),
      });
      made.push(incident);
    }
    // Resolve the two newest: they must come after every open one.
    for (const incident of made.slice(5))
      await transitionIncident({
        incidentId: incident.id,
        onResolved: onIncidentResolved,
        transition: { action: "resolve" },
        author,
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listIncidents({ q: tag.toLowerCase(), limit: 3, cursor });
      seen.push(...page.incidents.map((incident) => incident.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0, 6, 5].map((i) => `${tag} incident ${i}`));
    const p2 = await listIncidents({ q: tag, severity: "P2", status: "open" });
    expect(p2.incidents.map((i) => i.title)).toEqual([3, 1].map((i) => `${tag} incident ${i}`));
    // A status reads one segment: only resolved incidents are resolved, and no resolved one is investigating.
    const resolved = await listIncidents({ q: tag, status: "resolved" });
    expect(resolved.incidents.map((i) => i.title)).toEqual([6, 5].map((i) => `${tag} incident ${i}`));
    const investigating = await listIncidents({ q: tag, status: "investigating", limit: 4 });
    expect(investigating.incidents.map((i) => i.title)).toEqual(
      [4, 3, 2, 1].map((i) => `${tag} incident ${i}`),
    );
    expect(investigating.nextCursor).not.toBeNull();
    const byRef = await listIncidents({ q: `INC-${made[2]!.number}` });
    expect(byRef.incidents.map((i) => i.id)).toContain(made[2]!.id);
    const byDate = await listIncidents({ q: tag, from: "2025-03-01", to: "2025-03-01" });
    expect(byDate.incidents).toHaveLength(7);
    await expect(listIncidents({ cursor: "garbage" })).rejects.toThrow(/cursor/);
  });
});

describe("incident status invariant", () => {
  it("refuses a resolution time without the resolved status, and the resolved status without one", async () => {
    const { incident } = await declareIncident({
      input: { title: `Check ${unique()}`, severity: "P3" },
      author,
    });
    await expect(
      db().incident.update({ where: { id: incident.id }, data: { resolvedAt: new Date() } }),
    ).rejects.toThrow(/Incident_resolved_iff_resolvedAt/);
    await expect(
      db().incident.update({ where: { id: incident.id }, data: { status: "resolved" } }),
    ).rejects.toThrow(/Incident_resolved_iff_resolvedAt/);
    const after = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect({ status: after.status, resolvedAt: after.resolvedAt }).toEqual({
      status: "investigating",
      resolvedAt: null,
    });
  });
});
