import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as streamRoute } from "../../app/api/incidents/[ref]/stream/route";
import { db } from "../../lib/db/client";
import { declareIncident, formatIncidentRef } from "../../lib/incidents";
import { SYSTEM_AUTHOR } from "../../lib/timeline";
import { browserRequest, params, signedInMember } from "./http-support";

/** Reads the stream until it ends or `deadline` passes; returns whether it ended. */
async function readUntilClosed(reader: ReadableStreamDefaultReader<Uint8Array>, deadline: number) {
  while (Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<"wait">((resolve) => setTimeout(() => resolve("wait"), 500)),
    ]);
    if (next !== "wait" && next.done) return true;
  }
  return false;
}

describe("live streams re-check who is watching", () => {
  it("a member removed while watching an incident's stream stops receiving it", async () => {
    const viewer = await signedInMember("viewer");
    const { incident } = await declareIncident({
      input: { title: `Stream recheck ${randomBytes(3).toString("hex")}`, severity: "P3" },
      author: SYSTEM_AUTHOR,
    });
    const ref = formatIncidentRef(incident.number);
    const abort = new AbortController();
    const response = await streamRoute(
      new Request(browserRequest(`/api/incidents/${ref}/stream`, { cookie: viewer.cookie }), {
        signal: abort.signal,
      }),
      params({ ref }),
    );
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("connected");
    try {
      // Still a member: the stream stays open through a few re-checks.
      expect(await readUntilClosed(reader, Date.now() + 3_000)).toBe(false);
      await db().member.delete({ where: { id: viewer.member.id } });
      expect(await readUntilClosed(reader, Date.now() + 15_000)).toBe(true);
    } finally {
      abort.abort();
    }
  });

  it("a member demoted to viewer keeps the stream (a viewer may read a timeline)", async () => {
    const { incident } = await declareIncident({
      input: { title: `Stream demote ${randomBytes(3).toString("hex")}`, severity: "P3" },
      author: SYSTEM_AUTHOR,
    });
    const ref = formatIncidentRef(incident.number);
    const member = await signedInMember("responder");
    const abort = new AbortController();
    const response = await streamRoute(
      new Request(browserRequest(`/api/incidents/${ref}/stream`, { cookie: member.cookie }), {
        signal: abort.signal,
      }),
      params({ ref }),
    );
    const reader = response.body!.getReader();
    await reader.read();
    try {
      await db().member.update({ where: { id: member.member.id }, data: { role: "viewer" } });
      // Viewer is still enough to read a timeline.
      expect(await readUntilClosed(reader, Date.now() + 5_000)).toBe(false);
    } finally {
      abort.abort();
    }
  });
});
