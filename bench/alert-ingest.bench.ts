import { createAlertRoute, createAlertSource } from "../lib/alerts";
import { receiveAlertWebhook } from "../lib/alerts/routes";
import { db } from "../lib/db";
import { startDatabase } from "../lib/devstack/start-database";
import { SEVERITY_PRESETS } from "../lib/incidents/severity-presets";
import { type BenchResult, quantile, round } from "./types";

/**
 * Sustained alert ingest through the webhook handler (body limit, JSON, source lookup, bearer check, schema,
 * routing, the locked upsert, and for routed alerts the incident declaration), with 16 deliveries in flight
 * like a busy Alertmanager. Fingerprints repeat, as in a real alert storm: most deliveries are counted,
 * 10 % of the alert names are routed and declare an incident on first sight.
 * Targets (issue 7): >= 500 alerts/s and p99 < 100 ms on the 2-core machine.
 */
export async function benchAlertIngest({ quick }: { quick: boolean }): Promise<BenchResult[]> {
  const savedUrl = process.env.DATABASE_URL;
  const database = await startDatabase({ isPersistent: false });
  process.env.DATABASE_URL = database.url;
  const globalPrisma = globalThis as unknown as { breakglassPrisma?: unknown };
  const previousClient = globalPrisma.breakglassPrisma;
  globalPrisma.breakglassPrisma = undefined;
  try {
    if ((await db().severityLevel.count()) === 0)
      await db().severityLevel.createMany({ data: SEVERITY_PRESETS["P1-P4"]! });
    const run = Date.now().toString(36);
    const { source, secret } = await createAlertSource({
      name: `bench-${run}`,
      kind: "alertmanager",
      authMode: "bearer",
    });
    const names = Array.from({ length: 20 }, (_, index) => `BenchAlert${index}_${run}`);
    for (const name of names.slice(0, 2))
      await createAlertRoute({ name, matchAlertName: name, severityName: "P3" });

    const total = quick ? 300 : 5000;
    const inFlight = 16;
    const fingerprints = 200;
    const body = (index: number) => {
      const fingerprint = index % fingerprints;
      const name = names[fingerprint % names.length]!;
      return JSON.stringify({
        version: "4",
        groupKey: `{}:{alertname="${name}"}`,
        status: "firing",
        receiver: "breakglass",
        groupLabels: { alertname: name },
        commonLabels: { alertname: name },
        commonAnnotations: {},
        externalURL: "http://alertmanager.local",
        alerts: [
          {
            status: "firing",
            labels: { alertname: name, instance: `node-${fingerprint}` },
            annotations: { summary: `${name} on node-${fingerprint}` },
            startsAt: new Date().toISOString(),
            endsAt: "0001-01-01T00:00:00Z",
            generatorURL: "",
            fingerprint: `fp-${run}-${fingerprint}`,
          },
        ],
      });
    };
    const deliver = async (index: number) => {
      const request = new Request(`http://127.0.0.1/api/alerts/alertmanager?source=${source.id}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${secret}` },
        body: body(index),
      });
      const started = performance.now();
      const response = await receiveAlertWebhook(request, "alertmanager");
      if (response.status !== 202)
        throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
      return performance.now() - started;
    };

    // Warm-up: JIT, pool, first sightings. The full run's 5,000 alerts are nearly all repeats of 200
    // fingerprints; quick mode sees every fingerprint once first, so its 300 measured alerts are the same mix.
    const warmups = quick ? fingerprints : 50;
    for (let index = 0; index < warmups; index++) await deliver(index);
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < total) {
          const index = warmups + next++;
          latencies.push(await deliver(index));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const rate = total / seconds;
    const p99 = quantile(latencies, 0.99);
    return [
      {
        name: "alert ingest rate (16 in flight)",
        value: round(rate, 0),
        unit: "alerts/s",
        target: ">= 500",
        isMet: rate >= 500,
      },
      {
        name: "alert ingest latency p99",
        value: round(p99, 1),
        unit: "ms",
        target: "< 100",
        isMet: p99 < 100,
      },
    ];
  } finally {
    await db().$disconnect();
    globalPrisma.breakglassPrisma = previousClient;
    if (savedUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = savedUrl;
    await database.stop();
  }
}
