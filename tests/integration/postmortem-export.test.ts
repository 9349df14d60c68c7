import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { onIncidentResolved } from "@/lib/postmortems";
import { GET } from "../../app/api/incidents/[ref]/postmortem/export.md/route";
import { createApiToken } from "../../lib/auth";
import { db } from "../../lib/db/client";
import { addTimelineEntry, formatIncidentRef, transitionIncident } from "../../lib/incidents";
import {
  changePostMortemStatus,
  createActionItem,
  DRAFT_PROMPTS,
  getPostMortem,
  savePostMortem,
  ZCreateActionItem,
} from "../../lib/postmortems";
import { authorFromActor } from "../../lib/timeline";
import {
  addNote,
  declareTestIncident,
  memberActor,
  minutesAfter,
  pin,
  resolveIncident,
} from "./postmortem-support";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/postmortem-export.md");
// Fixed data: times, texts, and the incident number, so the export is byte-for-byte predictable.
const T0 = new Date("2025-04-02T13:00:00.000Z");
const FIXED_NUMBER = 990_042;

describe("post-mortem Markdown export", () => {
  it("matches the expected file and downloads as an attachment", async () => {
    const bob = await memberActor("Bob Okafor");
    const erin = await memberActor("Erin Park");
    const declared = await declareTestIncident({
      title: "Oracle price feed stale",
      actor: bob,
      now: T0,
      impact: "Mints priced at a 2-hour-old price",
    });
    // The number comes from a sequence; pin it so the reference in the file is fixed.
    const incident = await db().incident.update({
      where: { id: declared.id },
      data: { number: FIXED_NUMBER },
    });
    const author = authorFromActor(bob);
    await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "acknowledge" },
      author,
      now: minutesAfter(T0, 3),
    });
    const note = await addNote(incident, bob, "Feed heartbeat missed since 11:00 UTC", minutesAfter(T0, 5));
    await pin(incident, bob, note.id, minutesAfter(T0, 6));
    await addTimelineEntry({
      incidentId: incident.id,
      entry: { kind: "event.corrected", correctsId: note.id, markdown: "Missed since 10:58 UTC" },
      author,
      now: minutesAfter(T0, 7),
    });
    await transitionIncident({
      incidentId: incident.id,
      onResolved: onIncidentResolved,
      transition: { action: "contain", reason: "Minting paused" },
      author,
      now: minutesAfter(T0, 25),
    });
    await resolveIncident(incident, bob, minutesAfter(T0, 150));

    const draft = (await getPostMortem(incident.id))!;
    const edited = draft.body
      .replace(
        DRAFT_PROMPTS.rootCause,
        "The keeper's RPC endpoint was rate limited, so no price updates landed.",
      )
      .replace(DRAFT_PROMPTS.wentWell, "- The staleness alert paged within two minutes.");
    expect(
      await savePostMortem({ incidentId: incident.id, input: { body: edited, baseVersion: 1 }, actor: bob }),
    ).toMatchObject({
      kind: "saved",
    });
    const runbook = await db().runbookDocument.upsert({
      where: { slug: "pm-export-fixture-oracle" },
      create: { slug: "pm-export-fixture-oracle", title: "Oracle incident runbook" },
      update: {},
    });
    const ref = formatIncidentRef(FIXED_NUMBER);
    await createActionItem({
      input: ZCreateActionItem.parse({
        incidentRef: ref,
        title: "Add a second keeper RPC",
        ownerId: erin.id,
        dueAt: "2025-04-16",
      }),
      actor: bob,
    });
    await createActionItem({
      input: ZCreateActionItem.parse({
        incidentRef: ref,
        title: "Runbook: check the keeper's RPC | quota first",
        ownerId: bob.id,
        dueAt: "2025-04-09",
        runbookId: runbook.id,
      }),
      actor: bob,
    });
    await changePostMortemStatus({ incidentId: incident.id, status: "in_review", actor: erin });
    await changePostMortemStatus({
      incidentId: incident.id,
      status: "published",
      actor: bob,
      now: new Date("2025-04-03T10:00:00.000Z"),
    });

    const viewer = await createApiToken({ name: "pm-export-viewer", role: "viewer", createdBy: "cli" });
    const response = await GET(
      new Request(`http://localhost/api/incidents/${ref}/postmortem/export.md`, {
        headers: { authorization: `Bearer ${viewer.token}` },
      }),
      { params: Promise.resolve({ ref }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${ref}-postmortem.md"`);
    const markdown = await response.text();
    if (process.env.UPDATE_FIXTURES === "1") writeFileSync(FIXTURE, markdown);
    expect(markdown).toBe(readFileSync(FIXTURE, "utf8"));
  });
});
