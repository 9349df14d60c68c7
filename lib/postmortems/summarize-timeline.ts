import { type ProposalInfo, verdict } from "../timeline";

/** A timeline event as the draft needs it (a TimelineEvent row fits). */
export type DraftEvent = {
  id: number;
  kind: string;
  payload: unknown;
  authorLabel: string;
  correctsId: number | null;
  createdAt: Date;
};

/** What the draft shows of an executed proposal: its title and where its chain's explorer lives. */
export type { ProposalInfo };

export type Correction = { at: Date; authorLabel: string; markdown: string };

export type TimelineEntry = {
  event: DraftEvent;
  isPinned: boolean;
  corrections: Correction[];
};

/** Bookkeeping kinds: shown through the entries they act on, or written after the incident ended. */
const HIDDEN_KINDS = new Set([
  "event.pinned",
  "event.unpinned",
  "event.corrected",
  "postmortem.created",
  "postmortem.status_changed",
  "action_item.created",
  "action_item.status_changed",
  "action_item.updated",
]);

/**
 * Turns the append-only event log into the entries a reader wants: pin state is the latest pin/unpin per
 * event, and each correction is shown under the event it corrects (following chains of corrections to the
 * original) instead of as an entry of its own.
 */
export function summarizeTimeline(events: DraftEvent[]): TimelineEntry[] {
  const ordered = [...events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const pinned = new Map<number, boolean>();
  const byId = new Map(ordered.map((event) => [event.id, event]));
  const corrections = new Map<number, Correction[]>();
  for (const event of ordered) {
    const payload = event.payload as { eventId?: number; markdown?: string };
    if (event.kind === "event.pinned" && typeof payload.eventId === "number")
      pinned.set(payload.eventId, true);
    if (event.kind === "event.unpinned" && typeof payload.eventId === "number")
      pinned.set(payload.eventId, false);
    if (event.kind === "event.corrected" && event.correctsId !== null) {
      const target = rootOf(event.correctsId, byId);
      const list = corrections.get(target) ?? [];
      list.push({ at: event.createdAt, authorLabel: event.authorLabel, markdown: payload.markdown ?? "" });
      corrections.set(target, list);
    }
  }
  return ordered
    .filter((event) => !HIDDEN_KINDS.has(event.kind))
    .map((event) => ({
      event,
      isPinned: pinned.get(event.id) === true,
      corrections: corrections.get(event.id) ?? [],
    }));
}

function rootOf(id: number, byId: Map<number, DraftEvent>): number {
  let current = id;
  const seen = new Set<number>();
  for (;;) {
    const event = byId.get(current);
    if (event?.kind !== "event.corrected" || event.correctsId === null || seen.has(current)) return current;
    seen.add(current);
    current = event.correctsId;
  }
}

/** `https://etherscan.io` + hash → a Markdown link; no explorer (anvil) → the hash alone. */
export function formatTxReference(txHash: string, explorerUrl: string | null): string {
  if (!explorerUrl) return `\`${txHash}\``;
  return `[\`${txHash}\`](${explorerUrl.replace(/\/+$/, "")}/tx/${txHash})`;
}

export { verdict };
