import { describe, expect, it } from "vitest";
import { createAlertRoute, importRunbookAlertRoutes } from "../../lib/alerts";
import { db } from "../../lib/db";
import { importAlertResponseRunbook, importExampleRunbook } from "./alerts-support";

describe("routing rules pre-filled from runbooks", () => {
  it("creates one rule per routed alert of the imported runbooks, mapping severities to the scheme", async () => {
    await importExampleRunbook();
    await importAlertResponseRunbook();
    const first = await importRunbookAlertRoutes();
    expect(first.created).toBeGreaterThan(0);
    const routes = await db().alertRoute.findMany();
    const byName = (name: string) => routes.find((route) => route.matchAlertName === name);
    expect(byName("ProtocolGloballyPaused")).toMatchObject({ severityName: "P1" });
    expect(byName("ProtocolGloballyPaused")!.runbookAnchors[0]).toMatch(/#2-global-protocol-pause$/);
    expect(byName("OracleStale")).toMatchObject({ severityName: "P2" });
    // The alert-response fixture writes words: critical → the most severe level, warning → the third.
    expect(byName("RelayerFleetDown")).toMatchObject({ severityName: "P1" });
    expect(byName("FeeEstimateDrift")).toMatchObject({ severityName: "P3" });

    // Idempotent: existing rules are never duplicated or changed.
    const second = await importRunbookAlertRoutes();
    expect(second.created).toBe(0);
    expect(await db().alertRoute.count()).toBe(routes.length);
  });

  it("refuses a rule whose severity is not a level of the scheme, naming the field", async () => {
    await expect(
      createAlertRoute({ name: "bad", matchAlertName: "X", severityName: "SEV9" }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE", fields: [{ path: "severityName" }] });
  });
});
