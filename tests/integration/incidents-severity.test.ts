import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import {
  applySeverityPreset,
  declareIncident,
  listSeverityLevels,
  replaceSeverityScheme,
  SEVERITY_PRESETS,
} from "../../lib/incidents";

const author = { type: "system" as const, id: null, label: "severity test" };

// Other test files declare P1..P4: put the seeded scheme back whatever happens here.
afterAll(async () => {
  await applySeverityPreset("P1-P4");
});

describe("severity scheme", () => {
  it("applies a preset; an incident keeps the level it was declared with when the scheme changes", async () => {
    const { incident } = await declareIncident({
      input: { title: `Kept level ${randomUUID()}`, severity: "P1" },
      author,
    });
    const sev = await applySeverityPreset("SEV1-SEV4");
    expect(sev.map((level) => [level.name, level.rank, level.responseTargetSeconds])).toEqual(
      SEVERITY_PRESETS["SEV1-SEV4"]!.map((level) => [level.name, level.rank, level.responseTargetSeconds]),
    );
    expect((await db().workspace.findUniqueOrThrow({ where: { id: "default" } })).severityScheme).toBe(
      "SEV1-SEV4",
    );
    await expect(
      declareIncident({ input: { title: "Old level name", severity: "P1" }, author }),
    ).rejects.toThrow(/not a level/);
    const after = await db().incident.findUniqueOrThrow({ where: { id: incident.id } });
    expect(after).toMatchObject({ severityName: "P1", responseTargetSeconds: 900, severityColor: "#dc2626" });
  });

  it("edits levels (rank = position) and names the wrong field of a bad scheme", async () => {
    await replaceSeverityScheme({
      input: {
        levels: [
          {
            name: "Critical",
            responseTargetSeconds: 300,
            updateCadenceSeconds: 900,
            color: "#ff0000",
            definition: "All hands",
          },
          { name: "Minor", responseTargetSeconds: 7200, color: "#00ff00" },
        ],
      },
    });
    expect(
      (await listSeverityLevels()).map((level) => [level.name, level.rank, level.updateCadenceSeconds]),
    ).toEqual([
      ["Critical", 0, 900],
      ["Minor", 1, 1800],
    ]);
    const { incident } = await declareIncident({
      input: { title: `Custom ${randomUUID()}`, severity: "Critical" },
      author,
    });
    expect(incident).toMatchObject({ responseTargetSeconds: 300, updateCadenceSeconds: 900 });
    const bad = replaceSeverityScheme({
      input: {
        levels: [
          { name: "A", responseTargetSeconds: 300, color: "#ff0000" },
          { name: "a", responseTargetSeconds: 30, color: "red" },
        ],
      },
    });
    await expect(bad).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ path: ["levels", 1, "responseTargetSeconds"] }),
        expect.objectContaining({ path: ["levels", 1, "color"] }),
        expect.objectContaining({ path: ["levels", 1, "name"], message: "a is used twice" }),
      ]),
    });
    // A refused scheme changed nothing.
    expect((await listSeverityLevels()).map((level) => level.name)).toEqual(["Critical", "Minor"]);
  });
});
