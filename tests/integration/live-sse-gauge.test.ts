import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { declareIncident, toApiEvent } from "../../lib/incidents";
import { createIncidentEventStream, createIncidentListStream, TimelineHub } from "../../lib/live";
import { metrics } from "../../lib/metrics";

const hub = new TimelineHub(process.env.DATABASE_URL!);
afterAll(() => hub.close());

async function gauge(): Promise<number> {
  return (await metrics().sseClients.get()).values[0]?.value ?? 0;
}

describe("SSE clients gauge", () => {
  it("counts open timeline and list streams, and forgets them when they close or abort", async () => {
    const { incident } = await declareIncident({
      input: { title: `Gauge ${randomUUID()}`, severity: "P3" },
      author: { type: "system", id: null, label: "gauge test" },
    });
    const before = await gauge();
    const timeline = createIncidentEventStream({
      hub,
      incidentId: incident.id,
      serialize: toApiEvent,
      lastEventId: 0,
    }).getReader();
    const aborted = new AbortController();
    const list = createIncidentListStream({ hub, signal: aborted.signal }).getReader();
    await timeline.read(); // the stream has started
    await list.read();
    expect(await gauge()).toBe(before + 2);
    await timeline.cancel();
    expect(await gauge()).toBe(before + 1);
    aborted.abort(); // the client went away
    expect(await gauge()).toBe(before);
    await list.cancel();
    expect(await gauge()).toBe(before);
  });
});
