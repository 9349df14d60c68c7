/** One line per event kind, for the timeline; notes, corrections and comms updates also show their text. */
export type TimelineItem = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  author: { type: string; id: string | null; label: string };
  correctsId: number | null;
  createdAt: string;
};

const ROLE_LABEL: Record<string, string> = {
  commander: "Commander",
  comms_lead: "Comms lead",
  scribe: "Scribe",
};
const name = (value: unknown) => (value as { name?: string } | null)?.name ?? "nobody";

export function describeEvent(event: TimelineItem): string {
  const p = event.payload;
  switch (event.kind) {
    case "incident.declared":
      return `Declared ${String(p.severity)}: ${String(p.title)}`;
    case "incident.acknowledged":
      return "Acknowledged";
    case "incident.status_changed":
      return `Status ${String(p.from)} → ${String(p.to)}`;
    case "incident.phase_changed":
      return `Phase ${String(p.from).toUpperCase()} → ${String(p.to).toUpperCase()}`;
    case "incident.severity_changed":
      return `Severity ${String(p.from)} → ${String(p.to)}`;
    case "incident.role_assigned":
      return p.previous
        ? `${ROLE_LABEL[String(p.role)]} handed from ${name(p.previous)} to ${name(p.member)}`
        : `${ROLE_LABEL[String(p.role)]}: ${name(p.member)}`;
    case "incident.contained":
      return `Contained${p.reason ? `: ${String(p.reason)}` : ""}`;
    case "incident.resolved":
      return `Resolved${p.summary ? `: ${String(p.summary)}` : ""}`;
    case "incident.reopened":
      return `Reopened${p.reason ? `: ${String(p.reason)}` : ""}`;
    case "note.added":
      return "Note";
    case "event.pinned":
      return `Pinned #${String(p.eventId)}`;
    case "event.unpinned":
      return `Unpinned #${String(p.eventId)}`;
    case "event.corrected":
      return `Correction of #${String(event.correctsId)}`;
    case "comms.update_posted":
      return `Status update posted (${String(p.template)})`;
    case "verification.recorded":
      return `Verified ${String(p.contract)}.${String(p.signature)} = ${String(p.actual)}${p.isPassed === false ? " (FAILED)" : ""}`;
    case "checklist.item_checked":
      return `${p.isChecked ? "Checked" : "Unchecked"}: ${String(p.text)}`;
    case "runbook.attached":
      return `Runbook attached: ${String(p.title)}`;
    default:
      return event.kind.replace(/[._]/g, " ");
  }
}

/** Filter groups for the timeline. */
export const KIND_FILTERS: { id: string; label: string; match: (kind: string) => boolean }[] = [
  { id: "all", label: "All", match: () => true },
  { id: "notes", label: "Notes", match: (kind) => kind === "note.added" || kind === "event.corrected" },
  { id: "lifecycle", label: "Lifecycle", match: (kind) => kind.startsWith("incident.") },
  { id: "comms", label: "Comms", match: (kind) => kind.startsWith("comms.") },
  {
    id: "onchain",
    label: "On chain",
    match: (kind) => /^(proposal|timelock|verification)\./.test(kind),
  },
  { id: "runbooks", label: "Runbooks", match: (kind) => /^(runbook|checklist)\./.test(kind) },
  { id: "alerts", label: "Alerts", match: (kind) => kind.startsWith("alert.") },
];

/** Pinned ids from the pin/unpin events, in order: the latest one for an event wins. */
export function pinnedIds(events: TimelineItem[]): Set<number> {
  const pinned = new Set<number>();
  for (const event of events) {
    const id = Number(event.payload.eventId);
    if (event.kind === "event.pinned") pinned.add(id);
    if (event.kind === "event.unpinned") pinned.delete(id);
  }
  return pinned;
}
