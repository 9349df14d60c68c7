import { createHash } from "node:crypto";
import type { TAlertEvent, TAlertmanagerWebhook } from "./schemas";

/** One alert as the ingest sees it, whatever format it came in. */
export type IncomingAlert = {
  dedupKey: string;
  name: string;
  status: "firing" | "resolved" | "acknowledged";
  labels: Record<string, string>;
  annotations: Record<string, string>;
  summary: string;
  endsAt: Date | null;
};

function parseTime(value: string | undefined): Date | null {
  if (!value) return null;
  const time = new Date(value);
  // Alertmanager sends 0001-01-01 for "no end": treat anything before 2000 as unset; and anything after 9999,
  // which PostgreSQL's timestamp cannot hold for long (a year-300000 end answered 500).
  const year = time.getUTCFullYear();
  return Number.isNaN(time.getTime()) || year < 2000 || year > 9999 ? null : time;
}

export function alertsFromAlertmanager(webhook: TAlertmanagerWebhook): IncomingAlert[] {
  return webhook.alerts.map((alert) => {
    const annotations = { ...webhook.commonAnnotations, ...alert.annotations };
    const name = alert.labels.alertname ?? "alert";
    return {
      dedupKey: alert.fingerprint,
      name,
      status: alert.status,
      labels: { ...alert.labels },
      annotations,
      summary: annotations.summary ?? annotations.description ?? name,
      endsAt: parseTime(alert.endsAt),
    };
  });
}

/**
 * The generic event: its name is payload.class, else custom_details.alertname, else the summary; labels are
 * source, severity, component, group, class and the string-valued custom details. Without a dedup_key, the
 * same source + summary deduplicates (PagerDuty would generate a key; ours is stable, so repeats count).
 */
export function alertFromEvent(event: TAlertEvent): IncomingAlert {
  const payload = event.payload;
  const details = payload?.custom_details ?? {};
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) if (typeof value === "string") labels[key] = value;
  if (payload) {
    labels.source = payload.source;
    labels.severity = payload.severity;
    if (payload.component) labels.component = payload.component;
    if (payload.group) labels.group = payload.group;
    if (payload.class) labels.class = payload.class;
  }
  const alertname = typeof details.alertname === "string" ? details.alertname : undefined;
  const summary = payload?.summary ?? event.dedup_key ?? "event";
  const name = (payload?.class ?? alertname ?? summary).slice(0, 200);
  labels.alertname = name;
  const dedupKey =
    event.dedup_key ??
    createHash("sha256")
      .update(`${payload?.source ?? ""}\n${summary}`)
      .digest("hex")
      .slice(0, 32);
  const status =
    event.event_action === "trigger"
      ? "firing"
      : event.event_action === "resolve"
        ? "resolved"
        : "acknowledged";
  return { dedupKey, name, status, labels, annotations: { summary }, summary, endsAt: null };
}
