import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { changePostMortemStatus, getPostMortem, savePostMortem } from "../../lib/postmortems";
import { declareTestIncident, memberActor, minutesAfter, resolveIncident } from "./postmortem-support";

const T0 = new Date("2025-06-01T12:00:00.000Z");

async function resolvedIncident(title: string) {
  const bob = await memberActor("Bob Okafor");
  const incident = await declareTestIncident({ title, actor: bob, now: T0 });
  await resolveIncident(incident, bob, minutesAfter(T0, 30));
  return incident;
}

describe("post-mortem saves: optimistic concurrency", () => {
  it("two saves from the same base version: the second gets a conflict and both texts survive", async () => {
    const incident = await resolvedIncident("Two editors at once");
    const carol = await memberActor("Carol Diaz");
    const dave = await memberActor("Dave Kim");
    const base = (await getPostMortem(incident.id))!;
    const carolText = base.body.replace(
      "_What actually caused the incident?_",
      "Carol: a stale oracle price.",
    );
    const daveText = base.body.replace("_What actually caused the incident?_", "Dave: a bad keeper config.");

    const first = await savePostMortem({
      incidentId: incident.id,
      input: { body: carolText, baseVersion: 1 },
      actor: carol,
    });
    expect(first).toMatchObject({ kind: "saved", version: 2 });
    const second = await savePostMortem({
      incidentId: incident.id,
      input: { body: daveText, baseVersion: 1 },
      actor: dave,
    });
    // Dave's save is refused and answered with Carol's text to merge with; his text stays with him.
    expect(second).toMatchObject({
      kind: "conflict",
      current: { body: carolText, version: 2, savedBy: "Carol Diaz" },
    });

    // Dave merges (here: keeps both lines) and saves against the version he was shown.
    const merged = carolText.replace(
      "Carol: a stale oracle price.",
      "Carol: a stale oracle price.\nDave: a bad keeper config.",
    );
    const third = await savePostMortem({
      incidentId: incident.id,
      input: { body: merged, baseVersion: 2 },
      actor: dave,
    });
    expect(third).toMatchObject({ kind: "saved", version: 3 });

    const revisions = await db().postMortemRevision.findMany({
      where: { postMortemId: base.id },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => [r.version, r.authorId])).toEqual([
      [1, null],
      [2, carol.id],
      [3, dave.id],
    ]);
    expect(revisions[1]!.body).toBe(carolText);
    expect(revisions[2]!.body).toContain("Dave: a bad keeper config.");
    expect(revisions[2]!.body).toContain("Carol: a stale oracle price.");
    const saved = (await getPostMortem(incident.id))!;
    expect(saved.version).toBe(3);
    expect(saved.body).toBe(merged);
  });

  it("truly simultaneous saves from one base: exactly one wins, the other is told", async () => {
    const incident = await resolvedIncident("Simultaneous saves");
    const carol = await memberActor("Carol Diaz");
    const dave = await memberActor("Dave Kim");
    const results = await Promise.all(
      [carol, dave].map((actor) =>
        savePostMortem({
          incidentId: incident.id,
          input: { body: `text by ${actor.name}`, baseVersion: 1 },
          actor,
        }),
      ),
    );
    const saved = results.filter((r) => r.kind === "saved");
    const conflicts = results.filter((r) => r.kind === "conflict");
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const postMortem = (await getPostMortem(incident.id))!;
    expect(conflicts[0]!.kind === "conflict" && conflicts[0]!.current.body).toBe(postMortem.body);
    expect(postMortem.revisions.map((r) => r.version)).toEqual([2, 1]);
  });

  it("publishing needs a commander, records the approver, and freezes the text", async () => {
    const incident = await resolvedIncident("Publish flow");
    const dave = await memberActor("Dave Kim");
    const bob = await memberActor("Bob Okafor");
    await expect(
      changePostMortemStatus({ incidentId: incident.id, status: "published", actor: bob }),
    ).rejects.toThrow("cannot move to published");
    await changePostMortemStatus({ incidentId: incident.id, status: "in_review", actor: dave });
    const refused = changePostMortemStatus({ incidentId: incident.id, status: "published", actor: dave });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "FORBIDDEN" });
    const publishedAt = minutesAfter(T0, 120);
    await changePostMortemStatus({
      incidentId: incident.id,
      status: "published",
      actor: bob,
      now: publishedAt,
    });
    const published = (await getPostMortem(incident.id))!;
    expect(published).toMatchObject({
      status: "published",
      approvedBy: bob.id,
      approvedByName: "Bob Okafor",
      publishedAt,
    });
    await expect(
      savePostMortem({
        incidentId: incident.id,
        input: { body: "late edit", baseVersion: published.version },
        actor: bob,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await db().timelineEvent.findMany({
      where: { incidentId: incident.id, kind: "postmortem.status_changed" },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [(e.payload as { to: string }).to, e.authorLabel])).toEqual([
      ["in_review", "Dave Kim"],
      ["published", "Bob Okafor"],
    ]);
  });
});

describe("PUT /api/incidents/[ref]/postmortem", () => {
  it("answers the second save from the same base with 409 and the current text", async () => {
    const { PUT } = await import("../../app/api/incidents/[ref]/postmortem/route");
    const { createApiToken } = await import("../../lib/auth");
    const { formatIncidentRef } = await import("../../lib/incidents");
    const incident = await resolvedIncident("Conflict over HTTP");
    const ref = formatIncidentRef(incident.number);
    const tokens = await Promise.all(
      ["pm-editor-a", "pm-editor-b"].map((name) =>
        createApiToken({ name, role: "responder", createdBy: "cli" }),
      ),
    );
    const put = (token: string, body: string) =>
      PUT(
        new Request(`http://localhost/api/incidents/${ref}/postmortem`, {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ body, baseVersion: 1 }),
        }),
        { params: Promise.resolve({ ref }) },
      );
    const first = await put(tokens[0]!.token, "first text");
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ kind: "saved", version: 2 });
    const second = await put(tokens[1]!.token, "second text");
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({
      error: { code: "CONFLICT" },
      current: { body: "first text", version: 2, savedBy: "API token pm-editor-a" },
    });
    const revisions = await db().postMortemRevision.findMany({
      where: { postMortem: { incidentId: incident.id } },
      orderBy: { version: "asc" },
    });
    expect(revisions.map((r) => [r.version, r.body.slice(0, 20), r.authorId])).toEqual([
      [1, revisions[0]!.body.slice(0, 20), null],
      [2, "first text", tokens[0]!.record.id],
    ]);
    const viewer = await createApiToken({ name: "pm-viewer", role: "viewer", createdBy: "cli" });
    expect((await put(viewer.token, "viewer text")).status).toBe(403);
    const invalid = await PUT(
      new Request(`http://localhost/api/incidents/${ref}/postmortem`, {
        method: "PUT",
        headers: { authorization: `Bearer ${tokens[0]!.token}`, "content-type": "application/json" },
        body: JSON.stringify({ body: "x", baseVersion: "one" }),
      }),
      { params: Promise.resolve({ ref }) },
    );
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields[0].path).toBe("baseVersion");
  });
});
