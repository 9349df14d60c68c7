import { describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { declareIncident } from "../../lib/incidents";
import { attachRunbookInTx } from "../../lib/runbooks";
import { importRunbook } from "../../lib/runbooks/import-runbook";
import { author, smallRunbook, unique } from "./runbooks-support";

describe("declaring an incident with runbooks", () => {
  it("attaches the chosen sections in the declaring transaction", async () => {
    const { version } = await importRunbook({
      source: smallRunbook(`Declare ${unique()}`),
      importedBy: "test",
    });
    const { incident } = await declareIncident({
      input: {
        title: `With runbook ${unique()}`,
        severity: "P1",
        runbooks: [{ versionId: version.id, anchor: "pause-everything" }],
      },
      author,
      attachRunbook: attachRunbookInTx,
    });
    const attached = await db().incidentRunbook.findMany({ where: { incidentId: incident.id } });
    expect(attached.map((row) => [row.versionId, row.anchor])).toEqual([[version.id, "pause-everything"]]);
    const kinds = (
      await db().timelineEvent.findMany({ where: { incidentId: incident.id }, orderBy: { id: "asc" } })
    ).map((e) => e.kind);
    expect(kinds).toEqual(["incident.declared", "runbook.attached"]);
  });

  it("declares nothing when a chosen section does not exist", async () => {
    const { version } = await importRunbook({
      source: smallRunbook(`Declare ${unique()}`),
      importedBy: "test",
    });
    const title = `Bad runbook ${unique()}`;
    await expect(
      declareIncident({
        input: { title, severity: "P1", runbooks: [{ versionId: version.id, anchor: "no-such-section" }] },
        author,
        attachRunbook: attachRunbookInTx,
      }),
    ).rejects.toThrow('the runbook has no section "no-such-section"');
    expect(await db().incident.count({ where: { title } })).toBe(0);
  });

  it("refuses runbooks when the caller wired no way to attach them, before writing anything", async () => {
    const { version } = await importRunbook({
      source: smallRunbook(`Declare ${unique()}`),
      importedBy: "test",
    });
    const title = `Unwired ${unique()}`;
    await expect(
      declareIncident({
        input: { title, severity: "P1", runbooks: [{ versionId: version.id, anchor: "pause-everything" }] },
        author,
      }),
    ).rejects.toThrow("runbooks: this caller cannot attach runbooks at declaration.");
    expect(await db().incident.count({ where: { title } })).toBe(0);
  });
});
