import { describe, expect, it } from "vitest";
import { POST as alertmanagerRoute } from "../../app/api/alerts/alertmanager/route";
import { db } from "../../lib/db";
import { alertmanagerBody, deliveryRequest, makeSource, unique } from "./alerts-support";

describe("one bad alert does not poison its group", () => {
  it("a NUL in one alert's label, annotation or fingerprint refuses that alert only; the others are stored", async () => {
    const { source, secret } = await makeSource("alertmanager", "bearer");
    const names = [unique("Before"), unique("Bad"), unique("After"), unique("BadAnnotation")];
    const body = alertmanagerBody(names.map((name) => ({ name, fingerprint: unique("fp-") })));
    (body.alerts[1]!.labels as Record<string, string>).instance = "node\u0000x";
    body.alerts[3]!.annotations.summary = "broken \ud800 text";
    const response = await alertmanagerRoute(
      deliveryRequest("alertmanager", { sourceId: source.id, body, auth: { bearer: secret } }),
    );
    // 2xx: Alertmanager must not retry a group forever for an alert that can never be stored.
    expect(response.status).toBe(202);
    const answer = (await response.json()) as {
      status: string;
      alerts: { dedupKey: string }[];
      refused: { index: number; fields: { path: string }[] }[];
    };
    expect(answer.status).toBe("partial");
    expect(answer.refused.map((alert) => alert.index)).toEqual([1, 3]);
    expect(answer.refused[0]!.fields[0]!.path).toBe("alerts.1.labels.instance");
    expect(answer.refused[1]!.fields[0]!.path).toBe("alerts.3.annotations.summary");
    const stored = await db().alert.findMany({ where: { sourceId: source.id }, select: { name: true } });
    expect(stored.map((alert) => alert.name).sort()).toEqual([names[0], names[2]].sort());
  });

  it("a group whose every alert is bad, or whose common labels carry a NUL, is a 422 and stores nothing", async () => {
    const { source, secret } = await makeSource("alertmanager", "bearer");
    const body = alertmanagerBody([{ name: unique("Only"), fingerprint: unique("fp-") }]);
    body.commonLabels = { team: "a\u0000" };
    const response = await alertmanagerRoute(
      deliveryRequest("alertmanager", { sourceId: source.id, body, auth: { bearer: secret } }),
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields[0].path).toBe("commonLabels.team");
    expect(await db().alert.count({ where: { sourceId: source.id } })).toBe(0);
  });
});

describe("signed deliveries are accepted once", () => {
  it("a captured signed delivery replayed inside the 300 s window is refused and declares nothing", async () => {
    const { source, secret } = await makeSource("alertmanager", "hmac");
    const body = JSON.stringify(alertmanagerBody([{ name: unique("Replay"), fingerprint: unique("fp-") }]));
    const timestamp = Math.floor(Date.now() / 1000) - 10;
    const first = await alertmanagerRoute(
      deliveryRequest("alertmanager", { sourceId: source.id, body, auth: { hmac: secret, timestamp } }),
    );
    expect(first.status).toBe(202);
    const countAfterFirst = await db().alert.findFirstOrThrow({ where: { sourceId: source.id } });
    const replays = await Promise.all(
      [0, 1, 2].map(() =>
        alertmanagerRoute(
          deliveryRequest("alertmanager", { sourceId: source.id, body, auth: { hmac: secret, timestamp } }),
        ),
      ),
    );
    expect(replays.map((replay) => replay.status)).toEqual([409, 409, 409]);
    expect((await replays[0]!.json()).error.code).toBe("REPLAYED_DELIVERY");
    const after = await db().alert.findFirstOrThrow({ where: { sourceId: source.id } });
    expect(after.count).toBe(countAfterFirst.count);
    // A fresh signature (a new timestamp) of the same alert is a new delivery.
    const fresh = await alertmanagerRoute(
      deliveryRequest("alertmanager", {
        sourceId: source.id,
        body,
        auth: { hmac: secret, timestamp: timestamp + 1 },
      }),
    );
    expect(fresh.status).toBe(202);
  });
});
