/** A timeline event as the browser receives it (the API shape); described by lib/timeline/describe-event. */
export type TimelineItem = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  author: { type: string; id: string | null; label: string };
  correctsId: number | null;
  createdAt: string;
};

/** Filter groups for the timeline. */
export const KIND_FILTERS: { id: string; label: string; match: (kind: string) => boolean }[] = [
  { id: "all", label: "All", match: () => true },
  { id: "notes", label: "Notes", match: (kind) => kind === "note.added" || kind === "event.corrected" },
  { id: "lifecycle", label: "Lifecycle", match: (kind) => kind.startsWith("incident.") },
  { id: "comms", label: "Comms", match: (kind) => kind.startsWith("comms.") },
  {
    id: "onchain",
    label: "On chain",
    match: (kind) => /^(proposal|timelock|verification|chain|kit)\./.test(kind),
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
