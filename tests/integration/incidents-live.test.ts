import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { addTimelineEntry, declareIncident, toApiEvent } from "../../lib/incidents";
import { createIncidentEventStream, resumePointFrom, TimelineHub } from "../../lib/live";

const author = { type: "system" as const, id: null, label: "live test" };
const hubs: TimelineHub[] = [];
function newHub() {
  const hub = new TimelineHub(process.env.DATABASE_URL!);
  hubs.push(hub);
  return hub;
}
afterAll(async () => {
  for (const hub of hubs) await hub.close();
});

/** Reads SSE messages from a stream: id + parsed data of each `data:` message. */
function sseReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const messages: { id: number; kind: string; markdown?: string }[] = [];
  const comments: string[] = [];
  /** Every `id:` the stream wrote, in order: the last one is what EventSource sends back as Last-Event-ID. */
  const resumeIds: string[] = [];
  let done = false;
  const pump = (async () => {
    while (true) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      let end = text.indexOf("\n\n");
      while (end >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) comments.push(line);
          if (line.startsWith("id: ")) resumeIds.push(line.slice(4));
        }
        if (data) {
          const event = JSON.parse(data.slice(6));
          messages.push({ id: event.id, kind: event.kind, markdown: event.payload?.markdown });
        }
        end = text.indexOf("\n\n");
      }
    }
    done = true;
  })();
  return {
    messages,
    comments,
    resumeIds,
    async waitFor(count: number) {
      const deadline = Date.now() + 10_000;
      while (messages.length < count && Date.now() < deadline && !done)
        await new Promise((r) => setTimeout(r, 10));
      return messages;
    },
    async close() {
      await reader.cancel();
      await pump.catch(() => {});
    },
  };
}

async function note(incidentId: string, markdown: string) {
  return addTimelineEntry({ incidentId, entry: { kind: "note.added", markdown }, author });
}

describe("SSE timeline stream", () => {
  it("a reconnect with Last-Event-ID gets exactly the missed events, then live ones", async () => {
    const hub = newHub();
    const { incident } = await declareIncident({
      input: { title: `Resume ${randomUUID()}`, severity: "P1" },
      author,
    });
    const first = sseReader(
      createIncidentEventStream({ hub, incidentId: incident.id, serialize: toApiEvent, lastEventId: 0 }),
    );
    const n1 = await note(incident.id, "one");
    await first.waitFor(2);
    const lastSeen = first.messages.at(-1)!.id;
    expect(lastSeen).toBe(n1.id);
    await first.close(); // the connection drops
    const n2 = await note(incident.id, "two");
    const n3 = await note(incident.id, "three");
    const resumed = sseReader(
      createIncidentEventStream({
        hub,
        incidentId: incident.id,
        serialize: toApiEvent,
        lastEventId: lastSeen,
      }),
    );
    await resumed.waitFor(2);
    const n4 = await note(incident.id, "four (live)");
    await resumed.waitFor(3);
    await new Promise((r) => setTimeout(r, 200)); // nothing else may arrive
    expect(resumed.messages.map((m) => m.id)).toEqual([n2.id, n3.id, n4.id]);
    expect(resumed.messages.map((m) => m.markdown)).toEqual(["two", "three", "four (live)"]);
    await resumed.close();
    expect(hub.subscriberCount).toBe(0);
  });

  it("an event written through one process's hub reaches the SSE client of another hub (two instances)", async () => {
    const hubA = newHub();
    const hubB = newHub();
    const { incident } = await declareIncident({
      input: { title: `Two hubs ${randomUUID()}`, severity: "P2" },
      author,
    });
    const onA = sseReader(
      createIncidentEventStream({
        hub: hubA,
        incidentId: incident.id,
        serialize: toApiEvent,
        lastEventId: 0,
      }),
    );
    const onB = sseReader(
      createIncidentEventStream({
        hub: hubB,
        incidentId: incident.id,
        serialize: toApiEvent,
        lastEventId: 0,
      }),
    );
    await Promise.all([onA.waitFor(1), onB.waitFor(1)]);
    const written = await note(incident.id, "seen everywhere");
    await Promise.all([onA.waitFor(2), onB.waitFor(2)]);
    expect(onB.messages.map((m) => m.id)).toContain(written.id);
    expect(onA.messages.map((m) => m.id)).toContain(written.id);
    await onA.close();
    await onB.close();
  });

  it("sends heartbeat comments and only this incident's events", async () => {
    const hub = newHub();
    const { incident } = await declareIncident({
      input: { title: `Beat ${randomUUID()}`, severity: "P3" },
      author,
    });
    const { incident: other } = await declareIncident({
      input: { title: `Other ${randomUUID()}`, severity: "P3" },
      author,
    });
    const stream = sseReader(
      createIncidentEventStream({
        hub,
        incidentId: incident.id,
        serialize: toApiEvent,
        lastEventId: 0,
        heartbeatMs: 50,
      }),
    );
    await stream.waitFor(1);
    await note(other.id, "not for this stream");
    const mine = await note(incident.id, "for this stream");
    await stream.waitFor(2);
    await new Promise((r) => setTimeout(r, 150));
    expect(stream.messages.map((m) => m.id)).toEqual([stream.messages[0]!.id, mine.id]);
    expect(stream.comments).toContain(": heartbeat");
    await stream.close();
  });

  it("when the LISTEN connection drops, events written meanwhile still arrive after it reconnects", async () => {
    const hub = newHub();
    const { incident } = await declareIncident({
      input: { title: `Drop ${randomUUID()}`, severity: "P2" },
      author,
    });
    const stream = sseReader(
      createIncidentEventStream({ hub, incidentId: incident.id, serialize: toApiEvent, lastEventId: 0 }),
    );
    await stream.waitFor(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // Kill every LISTEN session (this hub's among them), then write while nobody listens.
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN timeline_events' AND pid <> pg_backend_pid()`,
      );
      const missed = await note(incident.id, "written while the hub was down");
      await stream.waitFor(2);
      expect(stream.messages.map((m) => m.id)).toContain(missed.id);
      const live = await note(incident.id, "after the reconnect");
      await stream.waitFor(3);
      expect(stream.messages.map((m) => m.id).slice(1)).toEqual([missed.id, live.id]);
    } finally {
      await admin.end();
      await stream.close();
    }
  });

  it("resumes from its id without losing an event that committed after a higher one", async () => {
    const hub = newHub();
    const { incident } = await declareIncident({
      input: { title: `Out of order ${randomUUID()}`, severity: "P2" },
      author,
    });
    const first = sseReader(
      createIncidentEventStream({ hub, incidentId: incident.id, serialize: toApiEvent, lastEventId: 0 }),
    );
    await first.waitFor(1);
    // A slow transaction takes the lower id and holds it while another one commits a higher id.
    const slow = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      const { rows } = await slow.query<{ id: number }>(
        `INSERT INTO "TimelineEvent" ("incidentId", kind, payload, "authorType", "authorLabel")
         VALUES ($1, 'note.added', '{"markdown": "slow"}', 'system', 'slow writer') RETURNING id`,
        [incident.id],
      );
      const slowId = rows[0]!.id;
      // (Notes lock the incident row, which the slow insert's foreign key holds; other writers do not lock.)
      const fast = await db().timelineEvent.create({
        data: {
          incidentId: incident.id,
          kind: "note.added",
          payload: { markdown: "fast" },
          authorType: "system",
          authorLabel: "fast writer",
        },
      });
      expect(fast.id).toBeGreaterThan(slowId);
      await first.waitFor(2);
      expect(first.messages.map((m) => m.id)).toEqual([first.messages[0]!.id, fast.id]);
      const lastEventId = first.resumeIds.at(-1)!;
      await first.close(); // the connection drops before the slow transaction commits
      await slow.query("COMMIT");

      const resumeWith = async (header: string) => {
        const stream = sseReader(
          createIncidentEventStream({
            serialize: toApiEvent,
            hub,
            incidentId: incident.id,
            ...resumePointFrom(
              new Request("http://console.local/", { headers: { "last-event-id": header } }),
            ),
          }),
        );
        await new Promise((r) => setTimeout(r, 300));
        await stream.close();
        return stream.messages.map((m) => m.id);
      };
      // The stream's own id brings the slow event; the bare id (what an id-only resume would do) loses it.
      expect(await resumeWith(lastEventId)).toContain(slowId);
      expect(await resumeWith(String(fast.id))).not.toContain(slowId);
    } finally {
      await slow.end().catch(() => {});
      await first.close();
    }
  });
});
