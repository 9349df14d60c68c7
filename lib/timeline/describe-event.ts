import { TIMELINE_EVENT_KIND_NAMES } from "./event-kind-names";
import type { TimelineEventKind, TimelinePayload } from "./event-kinds";
import { redactCommand } from "./redact-secrets";

/**
 * The one describer of timeline events, for the live timeline (React, in the browser) and the post-mortem
 * (Markdown, on the server). It returns parts rather than a string so each renderer can make links of its
 * own kind. The switch is exhaustive: a new kind in event-kinds.ts does not type-check until it is described
 * here, and describe-event.test.ts renders every kind and refuses the generic fallback.
 */
export type EventPart =
  | { type: "text"; value: string }
  | { type: "strong"; value: string }
  | { type: "code"; value: string }
  /** `scope: "console"` links into this console (a proposal); "external" to an explorer. */
  | { type: "link"; value: string; href: string | null; scope: "console" | "external"; isCode?: boolean };

export type EventDescription = { parts: EventPart[]; isSpecific: boolean };

/** What the describer knows beyond the payload: proposals by id (title, Safe, the chain's explorer). */
export type ProposalInfo = { title: string; safeLabel: string; explorerUrl: string | null };
export type DescribeContext = {
  proposals?: ReadonlyMap<string, ProposalInfo>;
  /** The view shows a note's, correction's or status update's text beneath the line (the timeline). */
  isBodyShownApart?: boolean;
};

export type DescribableEvent = { kind: string; payload: unknown; correctsId: number | null };

type Parsed = { [K in TimelineEventKind]: { kind: K; p: TimelinePayload<K> } }[TimelineEventKind];

/** The incident roles as people read them: the timeline and the incident page's role pickers say the same. */
export const INCIDENT_ROLE_LABELS = {
  commander: "Commander",
  comms_lead: "Comms lead",
  scribe: "Scribe",
} as const;

const text = (value: string): EventPart => ({ type: "text", value });
const strong = (value: string): EventPart => ({ type: "strong", value });
const code = (value: string): EventPart => ({ type: "code", value });

/** `2025-03-01 14:05 UTC` from an ISO string; the input unchanged when it is not a date. */
export function utcDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`;
}

function shortHex(value: string): string {
  return value.length > 14 ? `${value.slice(0, 6)}…${value.slice(-4)}` : value;
}

function proposalLink(proposalId: string, context: DescribeContext, fallback = "a Safe proposal"): EventPart {
  const info = context.proposals?.get(proposalId);
  return {
    type: "link",
    value: info ? `${info.title} (${info.safeLabel})` : fallback,
    href: `/proposals/${proposalId}`,
    scope: "console",
  };
}

function txLink(txHash: string, proposalId: string, context: DescribeContext): EventPart {
  const explorer = context.proposals?.get(proposalId)?.explorerUrl ?? null;
  return {
    type: "link",
    value: txHash,
    href: explorer ? `${explorer.replace(/\/+$/, "")}/tx/${txHash}` : null,
    scope: "external",
    isCode: true,
  };
}

export function verdict(isPassed: boolean | null): string {
  if (isPassed === null) return "recorded";
  // ✓ and ✗ are in every UI font; the emoji forms render as empty boxes where no emoji font is installed.
  return isPassed ? "✓ pass" : "✗ FAIL";
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(TIMELINE_EVENT_KIND_NAMES);

/**
 * Payloads were validated against their kind's schema when they were written (appendTimelineEvent), so the
 * describer takes them as typed instead of parsing them again: that kept zod out of every page that shows a
 * timeline. A row that does not fit (an old shape) falls back to its kind's name rather than breaking or
 * printing "undefined" for a field it lacks.
 */
export function describeEvent(event: DescribableEvent, context: DescribeContext = {}): EventDescription {
  const generic = { parts: [code(event.kind)], isSpecific: false };
  if (!KNOWN_KINDS.has(event.kind) || typeof event.payload !== "object" || event.payload === null)
    return generic;
  const parsed = { kind: event.kind as TimelineEventKind, p: event.payload } as Parsed;
  try {
    const parts = describeParsed(parsed, event, context);
    return lacksAField(parts, event.payload) ? generic : { parts, isSpecific: true };
  } catch {
    return generic;
  }
}

/** "undefined" in the words but nowhere in the payload: a field the row's (older) shape does not have. */
function lacksAField(parts: EventPart[], payload: object): boolean {
  return (
    parts.some((part) => part.value.includes("undefined")) && !JSON.stringify(payload).includes("undefined")
  );
}

function describeParsed(e: Parsed, event: DescribableEvent, context: DescribeContext): EventPart[] {
  switch (e.kind) {
    case "incident.declared":
      return [
        text(
          `Incident declared: "${e.p.title}" (${e.p.severity}, detected via ${e.p.detectedVia.replace(/_/g, " ")})${e.p.isDrill ? " — drill" : ""}`,
        ),
      ];
    case "incident.acknowledged":
      return [text(`Acknowledged${e.p.by ? ` by ${e.p.by.name}` : ""}`)];
    case "incident.status_changed":
      return [text(`Status: ${e.p.from} → ${e.p.to}`)];
    case "incident.phase_changed":
      return [text(`Phase: ${e.p.from.toUpperCase()} → ${e.p.to.toUpperCase()}`)];
    case "incident.severity_changed":
      return [text(`Severity: ${e.p.from} → ${e.p.to}${e.p.reason ? ` (${e.p.reason})` : ""}`)];
    case "incident.title_changed":
      return [text(`Title changed from "${e.p.from}" to "${e.p.to}"`)];
    case "incident.impact_changed":
      return [text(`Impact updated: ${e.p.to}`)];
    case "incident.role_assigned": {
      const role = INCIDENT_ROLE_LABELS[e.p.role];
      if (!e.p.member)
        return [text(`${role}: unassigned${e.p.previous ? ` (was ${e.p.previous.name})` : ""}`)];
      return [
        text(
          e.p.previous
            ? `${role} handed from ${e.p.previous.name} to ${e.p.member.name}`
            : `${role}: ${e.p.member.name}`,
        ),
      ];
    }
    case "incident.contained": {
      const parts = [strong("Contained")];
      if (e.p.reason) parts.push(text(`: ${e.p.reason}`));
      if (e.p.timeToContain) parts.push(text(` (time to contain ${e.p.timeToContain})`));
      if (e.p.proposalId) parts.push(text(" — after "), proposalLink(e.p.proposalId, context));
      return parts;
    }
    case "incident.resolved": {
      const parts = [strong("Resolved")];
      if (e.p.summary) parts.push(text(`: ${e.p.summary}`));
      if (e.p.acknowledged?.length)
        parts.push(
          text(` — resolved with ${e.p.acknowledged.join("; ")} (reason: ${e.p.reason ?? "none given"})`),
        );
      return parts;
    }
    case "incident.reopened":
      return [text(`Reopened${e.p.reason ? `: ${e.p.reason}` : ""}`)];
    case "note.added":
      return [text(context.isBodyShownApart ? "Note" : `Note: ${e.p.markdown}`)];
    case "event.pinned":
      return [text(`Pinned event #${e.p.eventId}`)];
    case "event.unpinned":
      return [text(`Unpinned event #${e.p.eventId}`)];
    case "event.corrected":
      return [
        text(
          `Correction of event #${event.correctsId ?? "?"}${context.isBodyShownApart ? "" : `: ${e.p.markdown}`}`,
        ),
      ];
    case "comms.update_posted":
      return [
        text(`Status update posted (${e.p.template})${context.isBodyShownApart ? "" : `: ${e.p.text}`}`),
      ];
    case "runbook.attached":
      return [text(`Runbook attached: ${e.p.title} (${e.p.document} v${e.p.version})`)];
    case "checklist.item_checked":
      return [text(`Checklist: ${e.p.isChecked ? "☑" : "☐ unchecked"} ${redactCommand(e.p.text)}`)];
    case "verification.recorded":
      return [
        text(
          `Verification ${verdict(e.p.isPassed)}: ${e.p.contract}.${e.p.signature}${e.p.args.length ? ` (${e.p.args.join(", ")})` : ""} = `,
        ),
        code(e.p.actual),
        ...(e.p.expected === null ? [] : [text(" (expected "), code(e.p.expected), text(")")]),
        text(` at block ${e.p.blockNumber}`),
      ];
    case "proposal.created":
      return [
        text("Safe proposal created: "),
        { ...proposalLink(e.p.proposalId, context), value: e.p.title },
        text(` (${e.p.safeLabel}, nonce ${e.p.nonce})${e.p.isRejection ? " — rejection" : ""}`),
      ];
    case "proposal.simulated":
      return [
        text(`Simulation ${e.p.isSuccess ? "succeeded" : "failed"} for `),
        proposalLink(e.p.proposalId, context),
        text(`: ${e.p.summary}`),
      ];
    case "proposal.signed":
      return [
        text("Signed "),
        proposalLink(e.p.proposalId, context),
        text(" as owner "),
        code(shortHex(e.p.owner)),
        text(` (${e.p.count} of ${e.p.threshold})`),
        ...(e.p.isStandIn ? [text(" — a drill stand-in, not the owner's own signature")] : []),
      ];
    case "proposal.executed": {
      const via =
        e.p.via === "console"
          ? ` through this console${e.p.executor ? ` by ${e.p.executor}` : ""}`
          : e.p.isReconciled
            ? " (found on chain)"
            : "";
      return [
        strong(`On-chain transaction ${e.p.isSuccess ? "executed" : "failed"}`),
        text(": "),
        proposalLink(e.p.proposalId, context, "Safe transaction"),
        text(" — tx "),
        txLink(e.p.txHash, e.p.proposalId, context),
        text(`, block ${e.p.blockNumber}${via}`),
      ];
    }
    case "proposal.state_changed":
      return [
        proposalLink(e.p.proposalId, context, "Proposal"),
        text(` ${e.p.from} → ${e.p.to}: ${e.p.reason}`),
      ];
    case "proposal.simulation_deferred":
      return [
        text("Simulation of "),
        proposalLink(e.p.proposalId, context),
        text(` deferred: ${e.p.reason}`),
      ];
    case "proposal.signature_rechecked":
      return [
        text(`Signature by `),
        code(shortHex(e.p.owner)),
        text(` on `),
        proposalLink(e.p.proposalId, context),
        text(` re-checked on chain: ${e.p.isOwner ? "owner" : "NOT an owner"} — ${e.p.summary}`),
      ];
    case "proposal.guard_overridden":
      return [
        strong("Guardrail overridden"),
        text(` (${e.p.guard.replace(/_/g, " ")})${e.p.action ? ` for ${e.p.action}` : ""}: ${e.p.reason}`),
        ...(e.p.unchecked.length ? [text(` — unchecked: ${e.p.unchecked.join("; ")}`)] : []),
        ...(e.p.proposalId ? [text(" — "), proposalLink(e.p.proposalId, context)] : []),
      ];
    case "timelock.started":
      return [
        text("Timelock started by "),
        proposalLink(e.p.proposalId, context),
        text(`: ${e.p.followUp} possible from ${utcDateTime(e.p.readyAt)}`),
      ];
    case "alert.fired":
      return [
        text(
          `Alert fired: ${e.p.name} from ${e.p.source}${e.p.count > 1 ? ` (×${e.p.count})` : ""}: ${e.p.summary}`,
        ),
      ];
    case "alert.resolved":
      return [text(`Alert resolved: ${e.p.name} (${e.p.source})`)];
    case "chain.event": {
      // A role argument shows by name when known (roleName beside role): the id is then left out.
      const args = Object.entries(e.p.args)
        .filter(([key]) => !(`${key}Name` in e.p.args))
        .map(
          ([key, value]) =>
            `${key.replace(/Name$/, "")} ${/^0x[0-9a-fA-F]{40,}$/.test(value) ? shortHex(value) : value}`,
        )
        .join(", ");
      return [
        strong(`On chain: ${e.p.emitter} ${e.p.event ?? "unknown event"}`),
        text(`${args ? ` (${args})` : ""} — block ${e.p.blockNumber}, tx `),
        { type: "link", value: e.p.txHash, href: e.p.explorerUrl, scope: "external", isCode: true },
        ...(e.p.proposalId
          ? [text(" — "), proposalLink(e.p.proposalId, context, "a proposal of this console")]
          : [text(" — outside this console")]),
      ];
    }
    case "chain.event_retracted":
      return [
        strong("Reorg"),
        text(
          `: ${e.p.emitter} ${e.p.event ?? "event"} of block ${e.p.blockNumber} (${shortHex(e.p.blockHash)}) was replaced${e.p.canonicalHash ? ` by ${shortHex(e.p.canonicalHash)}` : ""}: it did not happen there`,
        ),
      ];
    case "postmortem.created":
      return [text(`Post-mortem drafted, due ${utcDateTime(e.p.dueAt)}`)];
    case "postmortem.status_changed":
      return [text(`Post-mortem ${e.p.from} → ${e.p.to}`)];
    case "action_item.created":
      return [text(`Action item created: ${e.p.title}${e.p.owner ? ` (owner ${e.p.owner})` : ""}`)];
    case "action_item.status_changed":
      return [text(`Action item "${e.p.title}": ${e.p.from} → ${e.p.to}`)];
    case "action_item.updated":
      return [
        text(
          `Action item "${e.p.title}" updated: owner ${e.p.owner ?? "none"}, due ${e.p.dueAt ? utcDateTime(e.p.dueAt) : "none"}${e.p.runbook ? `, runbook ${e.p.runbook}` : ""}`,
        ),
      ];
    case "kit.break_glass_started":
      return [
        strong("Break glass"),
        text(
          `: emergency kit ${e.p.kit} on ${e.p.safeLabel} at nonce ${e.p.nonce} (${e.p.mode === "executor" ? "executor key" : "responder's wallet"})${e.p.alert ? `, automatically on alert ${e.p.alert.name} from ${e.p.alert.source}` : ""}`,
        ),
      ];
    case "kit.simulated":
      return [text(`Kit simulation ${e.p.isSuccess ? "succeeded" : "FAILED"}: ${e.p.summary}`)];
    case "kit.calldata_released":
      return [text("Kit execution calldata (it carries the signatures) handed to the responder's wallet")];
    case "kit.executed":
      return [
        strong(`Emergency kit ${e.p.isSuccess ? "executed" : "FAILED"}`),
        text(" in tx "),
        code(e.p.txHash),
        text(`, block ${e.p.blockNumber}, sent by `),
        code(e.p.sender),
      ];
    case "kit.break_glass_failed":
      return [text(`Break glass refused: ${e.p.reason}`)];
    case "kit.automatic_skipped":
      return [
        text(
          `Automatic kit ${e.p.kit} not run for alert ${e.p.alert.name} (${e.p.alert.source}): ${e.p.reason}`,
        ),
      ];
    case "page.sent": {
      const who = e.p.recipients.map((r) => r.name).join(", ") || "nobody reachable";
      const missing = e.p.unreachable.length ? ` (no contact route: ${e.p.unreachable.join(", ")})` : "";
      return e.p.subject === "incident"
        ? [
            text(
              `Paged level ${e.p.level + 1}${e.p.round > 0 ? ` (repeat ${e.p.round})` : ""}: ${who}${missing}`,
            ),
          ]
        : [text(`${e.p.isReminder ? "Reminded" : "Paged"} the owners who have not signed: ${who}${missing}`)];
    }
    case "page.delivered":
      return [text(`Page delivered to ${e.p.recipient.name} by ${e.p.kind}`)];
    case "page.delivery_failed":
      return [
        text(
          `Page to ${e.p.recipient.name} by ${e.p.kind} ${e.p.isFinal ? "gave up (dead letter)" : "failed, will retry"}: ${e.p.reason}`,
        ),
      ];
    case "page.acknowledged":
      return [
        strong(`Page acknowledged by ${e.p.by.name}`),
        text(e.p.via === "link" ? " from the page's link" : " in the console"),
      ];
    case "page.escalated":
      return [strong(`Nobody acknowledged: escalated to level ${e.p.toLevel + 1}`)];
    case "page.stopped":
      return [text(`Paging stopped: ${e.p.reason}`)];
    case "drill.started":
      return [
        strong("Drill started"),
        text(
          `: ${e.p.section} (${e.p.runbook}) on a fork of chain ${e.p.sourceChainId} at block ${e.p.forkBlock}, drill chain id ${e.p.forkChainId}`,
        ),
      ];
    case "drill.stand_in":
      return [
        text("Drill: the fork approved "),
        proposalLink(e.p.proposalId, context),
        text(" for absent owner "),
        code(shortHex(e.p.owner)),
        text(" (a stand-in)"),
      ];
    case "drill.injected":
      return [strong("Drill injection"), text(`: ${e.p.summary}`)];
    case "drill.stopped":
      return [strong("Drill stopped"), text(`: ${e.p.summary}`)];
    default: {
      const unreachable: never = e;
      return [code((unreachable as { kind: string }).kind)];
    }
  }
}

/** The description as one line of Markdown (post-mortem); console links stay plain text, it is exported. */
export function descriptionToMarkdown(description: EventDescription): string {
  return description.parts.map(partToMarkdown).join("");
}

function partToMarkdown(part: EventPart): string {
  if (part.type === "strong") return `**${part.value}**`;
  if (part.type === "code") return `\`${part.value}\``;
  if (part.type === "link") {
    const label = part.isCode ? `\`${part.value}\`` : part.value;
    return part.scope === "external" && part.href ? `[${label}](${part.href})` : label;
  }
  return part.value;
}

/** The description as plain text (titles, notifications, tests). */
export function descriptionToText(description: EventDescription): string {
  return description.parts.map((part) => part.value).join("");
}
