import { createHash, randomBytes } from "node:crypto";
import { createAlertRoute, createAlertSource, signAlertBody } from "../../lib/alerts";
import type { Actor } from "../../lib/auth";
import { db } from "../../lib/db";
import { parseRunbook } from "../../lib/runbooks";
import { readExampleRunbook, readFixtureRunbook } from "../support/runbook-fixtures";

/** Shared by the alerts-*.test.ts files: unique rows per test, real route handlers, real signatures. */

export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

export async function makeSource(kind: "alertmanager" | "events", authMode: "bearer" | "hmac") {
  const { source, secret } = await createAlertSource({
    name: unique(`${kind}-${authMode}-`),
    kind,
    authMode,
  });
  return { source, secret };
}

/** The example runbook imported under a unique slug, as the runbook importer would store it. */
export function importExampleRunbook(): Promise<{ slug: string; versionId: string }> {
  return importRunbookCopy(readExampleRunbook(), "demo-protocol-");
}

/** The alert-response fixture (severity words in its alert tables), under a unique slug. */
export function importAlertResponseRunbook(): Promise<{ slug: string; versionId: string }> {
  return importRunbookCopy(readFixtureRunbook("alert-response.md"), "relayer-");
}

async function importRunbookCopy(
  markdown: string,
  prefix: string,
): Promise<{ slug: string; versionId: string }> {
  const slug = unique(prefix);
  const document = await db().runbookDocument.create({
    data: {
      slug,
      title: `Runbook copy ${slug}`,
      versions: {
        create: {
          version: 1,
          source: markdown,
          parsed: parseRunbook(markdown) as object,
          sha256: createHash("sha256").update(markdown).digest("hex"),
        },
      },
    },
    include: { versions: true },
  });
  return { slug, versionId: document.versions[0]!.id };
}

export async function makeRoute(alertName: string, severityName: string, runbookAnchors: string[] = []) {
  return createAlertRoute({
    name: `route ${alertName}`,
    matchAlertName: alertName,
    severityName,
    runbookAnchors,
  });
}

export function alertmanagerBody(
  alerts: {
    name: string;
    fingerprint: string;
    status?: "firing" | "resolved";
    labels?: Record<string, string>;
  }[],
) {
  return {
    version: "4",
    groupKey: '{}:{alertname="x"}',
    truncatedAlerts: 0,
    status: alerts.some((alert) => (alert.status ?? "firing") === "firing") ? "firing" : "resolved",
    receiver: "breakglass",
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager.local",
    alerts: alerts.map((alert) => ({
      status: alert.status ?? "firing",
      labels: { alertname: alert.name, ...alert.labels },
      annotations: { summary: `${alert.name} is firing`, description: "Seen by the test monitor." },
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: alert.status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus.local/graph",
      fingerprint: alert.fingerprint,
    })),
  };
}

/** A generic-events (PagerDuty-style) trigger for `alertName` on a source, deduplicated by `dedupKey`. */
export function eventsTriggerBody(sourceId: string, alertName: string, dedupKey: string) {
  return {
    routing_key: sourceId,
    event_action: "trigger",
    dedup_key: dedupKey,
    payload: { summary: alertName, source: "monitor", severity: "critical", class: alertName },
  };
}

type Auth = { bearer: string } | { hmac: string; timestamp?: number } | null;

export function deliveryRequest(
  endpoint: "alertmanager" | "events",
  options: { sourceId?: string | null; body: string | object; auth: Auth },
): Request {
  const body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.auth && "bearer" in options.auth) headers.authorization = `Bearer ${options.auth.bearer}`;
  if (options.auth && "hmac" in options.auth) {
    const timestamp = options.auth.timestamp ?? Math.floor(Date.now() / 1000);
    headers["x-breakglass-timestamp"] = String(timestamp);
    headers["x-breakglass-signature"] = signAlertBody(options.auth.hmac, timestamp, body);
  }
  const query = options.sourceId ? `?source=${encodeURIComponent(options.sourceId)}` : "";
  return new Request(`http://127.0.0.1/api/alerts/${endpoint}${query}`, { method: "POST", headers, body });
}

export async function rowCounts() {
  const [alerts, incidents, events, secrets] = await Promise.all([
    db().alert.count(),
    db().incident.count(),
    db().timelineEvent.count(),
    db().alertSecret.count(),
  ]);
  return { alerts, incidents, events, secrets };
}

export async function memberActor(role: "responder" | "commander" | "admin"): Promise<Actor> {
  const member = await db().member.findFirstOrThrow({ where: { role } });
  return {
    kind: "member",
    id: member.id,
    address: member.address,
    name: member.displayName,
    role: member.role,
  };
}
