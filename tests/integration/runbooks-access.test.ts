import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "../../app/api/incidents/[ref]/runbooks/[runId]/checks/route";
import { POST as verifyRoute } from "../../app/api/incidents/[ref]/runbooks/[runId]/verifications/route";
import { POST as attachRoute, GET as listRoute } from "../../app/api/incidents/[ref]/runbooks/route";
import { GET as resolveRoute } from "../../app/api/runbooks/actions/resolve/route";
import { POST as importRoute } from "../../app/api/runbooks/route";
import { PUT as bindRoute } from "../../app/api/settings/runbook-bindings/route";
import { db } from "../../lib/db/client";
import type { ParsedRunbook } from "../../lib/runbooks";
import { collectSectionSteps } from "../../lib/runbooks";
import {
  bearer,
  declare,
  GLOBAL_PAUSE_ANCHOR,
  jsonRequest,
  seededExampleVersion,
  smallRunbook,
  unique,
} from "./runbooks-support";

const params = <T extends object>(value: T) => ({ params: Promise.resolve(value) });

describe("roles on the runbook routes", () => {
  it("a viewer can read but not attach, tick, run checks, import or bind (403); a responder can", async () => {
    const viewer = await bearer("viewer");
    const responder = await bearer("responder");
    const { incident, ref } = await declare();
    const example = await seededExampleVersion();
    const body = { versionId: example.id, anchor: GLOBAL_PAUSE_ANCHOR };
    const url = `/api/incidents/${ref}/runbooks`;

    const refused = await attachRoute(jsonRequest(url, "POST", viewer, body), params({ ref }));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("responder role");
    expect(await db().incidentRunbook.count({ where: { incidentId: incident.id } })).toBe(0);

    const attached = await attachRoute(jsonRequest(url, "POST", responder, body), params({ ref }));
    expect(attached.status).toBe(201);
    const runId = ((await attached.json()) as { incidentRunbook: { id: string } }).incidentRunbook.id;
    const steps = collectSectionSteps(example.parsed as ParsedRunbook, GLOBAL_PAUSE_ANCHOR);
    const checkIndex = steps.find((item) => item.step.kind === "check")!.index;
    const verifyIndex = steps.find((item) => item.step.kind === "verify")!.index;

    const tickUrl = `${url}/${runId}/checks`;
    expect(
      (
        await checkRoute(
          jsonRequest(tickUrl, "POST", viewer, { stepIndex: checkIndex, isChecked: true }),
          params({ ref, runId }),
        )
      ).status,
    ).toBe(403);
    const verifyUrl = `${url}/${runId}/verifications`;
    expect(
      (
        await verifyRoute(
          jsonRequest(verifyUrl, "POST", viewer, { stepIndex: verifyIndex }),
          params({ ref, runId }),
        )
      ).status,
    ).toBe(403);
    expect(
      await db().timelineEvent.count({
        where: { incidentId: incident.id, kind: { in: ["checklist.item_checked", "verification.recorded"] } },
      }),
    ).toBe(0);

    const importRequest = jsonRequest("/api/runbooks", "POST", viewer, {
      markdown: smallRunbook(`Viewer ${unique()}`),
    });
    expect((await importRoute(importRequest, {})).status).toBe(403);
    const bindRequest = jsonRequest("/api/settings/runbook-bindings", "PUT", responder, {
      placeholder: "$X",
      contractId: null,
    });
    expect((await bindRoute(bindRequest, {})).status).toBe(403); // bindings need a commander

    const ticked = await checkRoute(
      jsonRequest(tickUrl, "POST", responder, { stepIndex: checkIndex, isChecked: true }),
      params({ ref, runId }),
    );
    expect(ticked.status).toBe(201);
    const verified = await verifyRoute(
      jsonRequest(verifyUrl, "POST", responder, { stepIndex: verifyIndex }),
      params({ ref, runId }),
    );
    expect(verified.status).toBe(201);
    expect((await verified.json()).event.payload).toMatchObject({ actual: "false" });

    const read = await listRoute(jsonRequest(url, "GET", viewer), params({ ref }));
    expect(read.status).toBe(200);
    const view = (await read.json()) as {
      runbooks: { steps: { index: number; check: { by: string } | null }[] }[];
    };
    expect(view.runbooks[0]!.steps.find((step) => step.index === checkIndex)?.check?.by).toMatch(
      /^API token runbooks-responder-/,
    );

    const resolved = await resolveRoute(
      jsonRequest(
        `/api/runbooks/actions/resolve?runbook=${encodeURIComponent(`${example.id}:pause-guardian-safe:0`)}`,
        "GET",
        viewer,
      ),
      {},
    );
    expect(resolved.status).toBe(200);
    expect((await resolved.json()).resolved).toMatchObject({
      contract: { name: "GlobalPauseRegistry" },
      suggestedSafe: { label: "Guardian Safe" },
    });
  });

  it("an invalid token is refused with 401; a bad body names the field (422)", async () => {
    const { ref } = await declare();
    // (Without a token the session cookie is read, which needs a Next request scope: e2e covers that path.)
    const invalidToken = { authorization: "Bearer bg_not-a-real-token" };
    const anonymous = await attachRoute(
      jsonRequest(`/api/incidents/${ref}/runbooks`, "POST", invalidToken, {}),
      params({ ref }),
    );
    expect(anonymous.status).toBe(401);
    const responder = await bearer("responder");
    const invalid = await attachRoute(
      jsonRequest(`/api/incidents/${ref}/runbooks`, "POST", responder, { anchor: "" }),
      params({ ref }),
    );
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields.map((field: { path: string }) => field.path)).toContain(
      "versionId",
    );
  });
});
