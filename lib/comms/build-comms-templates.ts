import { formatDurationInProse, formatUtcTime } from "../time";

/**
 * Status-update drafts from the seed runbooks' templates, filled from the incident: musd-protocol.md's
 * "🚨 INCIDENT" update and pil.md's "[INVESTIGATING]" status-page update and "[RESOLVED]" notice.
 * Pure, so the composer (browser) and tests use the same text.
 */
export type CommsIncident = {
  title: string;
  severityName: string;
  status: string;
  impact: string;
  detectedVia: string;
  declaredAt: Date;
  resolvedAt: Date | null;
  updateCadenceSeconds: number;
};
export type CommsEvent = { kind: string; payload: Record<string, unknown>; createdAt: Date };
export type CommsTemplate = {
  id: "musd-incident" | "pil-investigating" | "pil-resolved";
  label: string;
  text: string;
};

const STATUS_LABEL: Record<string, string> = {
  investigating: "Investigating",
  mitigating: "Mitigating",
  monitoring: "Monitoring",
  resolved: "Resolved",
};
const DETECTED_VIA_LABEL: Record<string, string> = {
  alert: "alert",
  user_report: "user report",
  monitor: "monitor",
  other: "other",
};

/** The timeline lines worth telling the outside world: lifecycle moves, not every note. */
function timelineLine(event: CommsEvent): string | null {
  const p = event.payload;
  switch (event.kind) {
    case "incident.declared":
      return `Detected via ${DETECTED_VIA_LABEL[String(p.detectedVia)] ?? String(p.detectedVia)}`;
    case "incident.acknowledged":
      return "Acknowledged by the response team";
    case "incident.status_changed":
      return `Status: ${STATUS_LABEL[String(p.to)] ?? String(p.to)}`;
    case "incident.contained":
      return `Contained${p.reason ? ` (${String(p.reason)})` : ""}`;
    case "incident.resolved":
      return "Resolved";
    case "incident.severity_changed":
      return `Severity changed to ${String(p.to)}`;
    default:
      return null;
  }
}

function cadenceText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  return `${Math.round(seconds / 60)} minutes`;
}

export function buildCommsTemplates(options: {
  incident: CommsIncident;
  events: CommsEvent[];
  now: Date;
}): CommsTemplate[] {
  const { incident, now } = options;
  const impact = incident.impact || "[What users experience]";
  const nextUpdate = new Date(now.getTime() + incident.updateCadenceSeconds * 1000);
  const lines = options.events
    .map((event) => ({ event, line: timelineLine(event) }))
    .filter((entry): entry is { event: CommsEvent; line: string } => entry.line !== null)
    .map(({ event, line }) => `  - ${formatUtcTime(event.createdAt)} — ${line}`);
  const end = incident.resolvedAt ?? now;
  return [
    {
      id: "musd-incident",
      label: "Status update (🚨 INCIDENT)",
      text: [
        `🚨 INCIDENT: ${incident.title}`,
        `Severity: ${incident.severityName}`,
        `Status: ${STATUS_LABEL[incident.status] ?? incident.status}`,
        `Impact: ${impact}`,
        "Timeline:",
        ...(lines.length ? lines : [`  - ${formatUtcTime(incident.declaredAt)} — Detected`]),
        `Next update: ${incident.resolvedAt ? "none (resolved)" : formatUtcTime(nextUpdate)}`,
      ].join("\n"),
    },
    {
      id: "pil-investigating",
      label: "Status page ([INVESTIGATING])",
      text: [
        `[INVESTIGATING] We are investigating reports of ${incident.title}.`,
        `Impact: ${incident.impact || "[affected services/chains]"}`,
        `Started: ${formatUtcTime(incident.declaredAt)}`,
        `Updates every ${cadenceText(incident.updateCadenceSeconds)}.`,
      ].join("\n"),
    },
    {
      id: "pil-resolved",
      label: "Resolution notice ([RESOLVED])",
      text: [
        `[RESOLVED] The issue affecting ${incident.impact || incident.title} has been resolved.`,
        `Duration: ${formatDurationInProse((end.getTime() - incident.declaredAt.getTime()) / 1000)}`,
        "Root cause: [brief description]",
        "Full postmortem to follow.",
      ].join("\n"),
    },
  ];
}
