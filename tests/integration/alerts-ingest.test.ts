import { beforeAll, describe, expect, it } from "vitest";
import { POST as alertmanagerPost } from "../../app/api/alerts/alertmanager/route";
import { POST as eventsPost } from "../../app/api/alerts/events/route";
import { declareFromAlert, dismissAlert } from "../../lib/alerts";
import { db } from "../../lib/db";
import { GLOBAL_PAUSE_ANCHOR } from "../support/runbook-fixtures";
import {
  alertmanagerBody,
  deliveryRequest,
  importExampleRunbook,
  makeRoute,
  makeSource,
  memberActor,
  rowCounts,
  unique,
} from "./alerts-support";

async function errorOf(response: Response) {
  return {
    status: response.status,
    code: ((await response.json()) as { error: { code: string } }).error.code,
  };
}

describe("alert ingest: refused deliveries store nothing", () => {
  let bearer: Awaited<ReturnType<typeof makeSource>>;
  let hmac: Awaited<ReturnType<typeof makeSource>>;
  const good = alertmanagerBody([{ name: unique("Refused"), fingerprint: unique("fp") }]);
  beforeAll(async () => {
    bearer = await makeSource("alertmanager", "bearer");
    hmac = await makeSource("alertmanager", "hmac");
  });

  it.each([
    [
      "invalid JSON",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: bearer.source.id,
          body: "{not json",
          auth: { bearer: bearer.secret },
        }),
      400,
      "INVALID_JSON",
    ],
    [
      "wrong schema",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: bearer.source.id,
          body: { ...good, alerts: [{ ...good.alerts[0], fingerprint: "" }] },
          auth: { bearer: bearer.secret },
        }),
      422,
      "INVALID_ALERT_PAYLOAD",
    ],
    [
      "bad bearer token",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: bearer.source.id,
          body: good,
          auth: { bearer: "bga_wrong" },
        }),
      401,
      "BAD_CREDENTIALS",
    ],
    [
      "bad signature",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: hmac.source.id,
          body: good,
          auth: { hmac: "bgh_not-the-key" },
        }),
      401,
      "BAD_SIGNATURE",
    ],
    [
      "stale timestamp",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: hmac.source.id,
          body: good,
          auth: { hmac: hmac.secret, timestamp: Math.floor(Date.now() / 1000) - 600 },
        }),
      403,
      "STALE_TIMESTAMP",
    ],
    [
      "unknown source",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: "no-such-source",
          body: good,
          auth: { bearer: bearer.secret },
        }),
      404,
      "UNKNOWN_SOURCE",
    ],
    [
      "body over 1 MB",
      () =>
        deliveryRequest("alertmanager", {
          sourceId: bearer.source.id,
          body: { ...good, padding: "x".repeat(1024 * 1024) },
          auth: { bearer: bearer.secret },
        }),
      413,
      "PAYLOAD_TOO_LARGE",
    ],
  ])("%s → its own status and code", async (_name, makeRequest, status, code) => {
    const before = await rowCounts();
    const response = await alertmanagerPost(makeRequest());
    expect(await errorOf(response)).toEqual({ status, code });
    expect(await rowCounts()).toEqual(before);
  });

  it("the same body correctly signed is accepted (the refusals above were about one thing each)", async () => {
    const response = await alertmanagerPost(
      deliveryRequest("alertmanager", { sourceId: hmac.source.id, body: good, auth: { hmac: hmac.secret } }),
    );
    expect(response.status).toBe(202);
  });
});

describe("alert ingest: routing, repeats, resolution", () => {
  it("a routed firing alert declares an incident with the routed severity and runbook", async () => {
    const { source, secret } = await makeSource("alertmanager", "bearer");
    const runbook = await importExampleRunbook();
    const name = unique("ProtocolGloballyPaused");
    await makeRoute(name, "P1", [`${runbook.slug}#${GLOBAL_PAUSE_ANCHOR}`]);
    const fingerprint = unique("fp");
    const response = await alertmanagerPost(
      deliveryRequest("alertmanager", {
        sourceId: source.id,
        body: alertmanagerBody([{ name, fingerprint }]),
        auth: { bearer: secret },
      }),
    );
    expect(response.status).toBe(202);
    const alert = await db().alert.findUniqueOrThrow({
      where: { sourceId_dedupKey: { sourceId: source.id, dedupKey: fingerprint } },
    });
    expect(alert).toMatchObject({ state: "attached", status: "firing", count: 1, severity: "P1" });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: alert.incidentId! } });
    expect(incident).toMatchObject({ severityName: "P1", detectedVia: "alert", resolvedAt: null });
    const events = await db().timelineEvent.findMany({
      where: { incidentId: incident.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.kind, event.authorType])).toEqual([
      ["incident.declared", "alert"],
      ["alert.fired", "alert"],
      ["runbook.attached", "alert"],
    ]);
    const attached = await db().incidentRunbook.findMany({ where: { incidentId: incident.id } });
    expect(attached.map((row) => [row.versionId, row.anchor])).toEqual([
      [runbook.versionId, GLOBAL_PAUSE_ANCHOR],
    ]);

    // Resolved: a timeline event, the incident stays open.
    await alertmanagerPost(
      deliveryRequest("alertmanager", {
        sourceId: source.id,
        body: alertmanagerBody([{ name, fingerprint, status: "resolved" }]),
        auth: { bearer: secret },
      }),
    );
    const after = await db().timelineEvent.findMany({
      where: { incidentId: incident.id },
      orderBy: { id: "asc" },
    });
    expect(after.at(-1)?.kind).toBe("alert.resolved");
    expect(await db().incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "investigating",
      resolvedAt: null,
    });
  });

  it("20 concurrent deliveries of one fingerprint → one incident, count 20", async () => {
    const { source, secret } = await makeSource("alertmanager", "bearer");
    const name = unique("BridgePaused");
    await makeRoute(name, "P2");
    const fingerprint = unique("fp");
    const before = await db().incident.count();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        alertmanagerPost(
          deliveryRequest("alertmanager", {
            sourceId: source.id,
            body: alertmanagerBody([{ name, fingerprint }]),
            auth: { bearer: secret },
          }),
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(202));
    const alerts = await db().alert.findMany({ where: { sourceId: source.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ count: 20, state: "attached" });
    expect(await db().incident.count()).toBe(before + 1);
    const events = await db().timelineEvent.findMany({ where: { incidentId: alerts[0]!.incidentId! } });
    expect(events.filter((event) => event.kind === "alert.fired")).toHaveLength(1);
    expect(events.filter((event) => event.kind === "incident.declared")).toHaveLength(1);
  });

  it("unmatched alerts land in the inbox, where a responder declares or dismisses", async () => {
    const { source, secret } = await makeSource("alertmanager", "bearer");
    const [first, second] = [unique("Unrouted"), unique("Unrouted")];
    const before = await db().incident.count();
    await alertmanagerPost(
      deliveryRequest("alertmanager", {
        sourceId: source.id,
        body: alertmanagerBody([
          { name: first, fingerprint: unique("fp") },
          { name: second, fingerprint: unique("fp") },
        ]),
        auth: { bearer: secret },
      }),
    );
    expect(await db().incident.count()).toBe(before);
    const inbox = await db().alert.findMany({ where: { sourceId: source.id }, orderBy: { name: "asc" } });
    expect(inbox.map((alert) => alert.state)).toEqual(["inbox", "inbox"]);
    const toDeclare = inbox.find((alert) => alert.name === first)!;
    const toDismiss = inbox.find((alert) => alert.name === second)!;

    const incident = await declareFromAlert({
      alertId: toDeclare.id,
      input: { severity: "P3" },
      actor: await memberActor("responder"),
    });
    expect(incident).toMatchObject({ severityName: "P3", detectedVia: "alert" });
    await dismissAlert(toDismiss.id);
    const after = await db().alert.findMany({ where: { sourceId: source.id }, orderBy: { name: "asc" } });
    expect(after.map((alert) => [alert.name, alert.state, alert.incidentId])).toEqual(
      [
        [first, "attached", incident.id],
        [second, "dismissed", null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    await expect(dismissAlert(toDeclare.id)).rejects.toThrow(/already attached/);
  });

  it("generic events: trigger declares, repeat counts, resolve adds the event (routing_key names the source)", async () => {
    const { source, secret } = await makeSource("events", "bearer");
    const name = unique("OracleStale");
    await makeRoute(name, "P2");
    const event = (action: "trigger" | "resolve") => ({
      routing_key: source.id,
      event_action: action,
      dedup_key: "oracle-eth-usd",
      payload: {
        summary: "ETH/USD price is stale",
        source: "oracle-watcher",
        severity: "critical",
        class: name,
      },
    });
    const send = (action: "trigger" | "resolve") =>
      eventsPost(deliveryRequest("events", { body: event(action), auth: { bearer: secret } }));
    expect((await send("trigger")).status).toBe(202);
    expect((await send("trigger")).status).toBe(202);
    const alert = await db().alert.findUniqueOrThrow({
      where: { sourceId_dedupKey: { sourceId: source.id, dedupKey: "oracle-eth-usd" } },
    });
    expect(alert).toMatchObject({ count: 2, state: "attached", name });
    expect((await send("resolve")).status).toBe(202);
    const kinds = (
      await db().timelineEvent.findMany({ where: { incidentId: alert.incidentId! }, orderBy: { id: "asc" } })
    ).map((row) => row.kind);
    expect(kinds).toEqual(["incident.declared", "alert.fired", "alert.resolved"]);
  });
});
