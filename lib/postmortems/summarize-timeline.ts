import { isTimelineEventKind, TIMELINE_EVENT_SCHEMAS } from "../timeline/event-kinds";

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
export type ProposalInfo = { title: string; safeLabel: string; explorerUrl: string | null };

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

function parsed(event: DraftEvent) {
  if (!isTimelineEventKind(event.kind)) return null;
  const result = TIMELINE_EVENT_SCHEMAS[event.kind].safeParse(event.payload);
  return result.success ? result.data : null;
}

/** One line of Markdown for an event (multi-line texts such as notes continue on indented lines). */
export function describeEvent(event: DraftEvent, proposals: Map<string, ProposalInfo>): string {
  // biome-ignore lint/suspicious/noExplicitAny: narrowed per kind below; payloads were validated on the way in.
  const p = parsed(event) as any;
  if (!p) return `\`${event.kind}\``;
  switch (event.kind) {
    case "incident.declared":
      return `Incident declared: "${p.title}" (${p.severity}, detected via ${p.detectedVia.replace("_", " ")})${p.isDrill ? " — drill" : ""}`;
    case "incident.acknowledged":
      return `Acknowledged${p.by ? ` by ${p.by.name}` : ""}`;
    case "incident.status_changed":
      return `Status: ${p.from} → ${p.to}`;
    case "incident.phase_changed":
      return `Phase: ${p.from} → ${p.to}`;
    case "incident.severity_changed":
      return `Severity: ${p.from} → ${p.to}${p.reason ? ` (${p.reason})` : ""}`;
    case "incident.title_changed":
      return `Title changed to "${p.to}"`;
    case "incident.impact_changed":
      return `Impact updated: ${p.to}`;
    case "incident.role_assigned":
      return `${ROLE_LABEL[p.role as string] ?? p.role}: ${p.member ? p.member.name : "unassigned"}`;
    case "incident.contained":
      return `**Contained**${p.reason ? `: ${p.reason}` : ""}`;
    case "incident.resolved":
      return `**Resolved**${p.summary ? `: ${p.summary}` : ""}`;
    case "incident.reopened":
      return `Reopened${p.reason ? `: ${p.reason}` : ""}`;
    case "note.added":
      return `Note: ${p.markdown}`;
    case "comms.update_posted":
      return `Status update posted (${p.template}): ${p.text}`;
    case "runbook.attached":
      return `Runbook attached: ${p.title} (${p.document} v${p.version})`;
    case "checklist.item_checked":
      return `Checklist: ${p.isChecked ? "☑" : "☐ unchecked"} ${p.text}`;
    case "verification.recorded":
      return `Verification ${verdict(p.isPassed)}: ${p.contract}.${p.signature}${p.args.length ? ` (${p.args.join(", ")})` : ""} = \`${p.actual}\`${p.expected === null ? "" : ` (expected \`${p.expected}\`)`} at block ${p.blockNumber}`;
    case "proposal.created":
      return `Safe proposal created: ${p.title} (${p.safeLabel}, nonce ${p.nonce})${p.isRejection ? " — rejection" : ""}`;
    case "proposal.simulated":
      return `Simulation ${p.isSuccess ? "succeeded" : "failed"}: ${p.summary}`;
    case "proposal.signed":
      return `Signed by \`${p.owner}\` (${p.count}/${p.threshold})`;
    case "proposal.executed": {
      const info = proposals.get(p.proposalId);
      const title = info ? `${info.title} (${info.safeLabel})` : "Safe transaction";
      return `**On-chain transaction ${p.isSuccess ? "executed" : "failed"}**: ${title} — tx ${formatTxReference(p.txHash, info?.explorerUrl ?? null)}, block ${p.blockNumber}${p.isReconciled ? " (found on chain)" : ""}`;
    }
    case "proposal.state_changed":
      return `Proposal ${p.from} → ${p.to}: ${p.reason}`;
    case "timelock.started":
      return `Timelock started: ${p.followUp} possible from ${p.readyAt}`;
    case "alert.fired":
      return `Alert fired: ${p.name} from ${p.source}${p.count > 1 ? ` (×${p.count})` : ""}: ${p.summary}`;
    case "alert.resolved":
      return `Alert resolved: ${p.name} (${p.source})`;
    default:
      return `\`${event.kind}\``;
  }
}

const ROLE_LABEL: Record<string, string> = {
  commander: "Commander",
  comms_lead: "Comms lead",
  scribe: "Scribe",
};

export function verdict(isPassed: boolean | null): string {
  if (isPassed === null) return "recorded";
  return isPassed ? "✅ pass" : "❌ FAIL";
}
