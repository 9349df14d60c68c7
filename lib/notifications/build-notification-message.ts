import type { DbTransaction } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import type { NotificationEvent } from "./schemas";

/** What every channel says about one event, before it is shaped for Slack or a generic webhook. */
export type NotificationMessage = {
  event: NotificationEvent;
  text: string;
  incident: {
    id: string;
    ref: string;
    title: string;
    severity: string;
    status: string;
    isDrill: boolean;
    url: string | null;
  };
  details: Record<string, unknown>;
  timelineEventId: number;
  occurredAt: string;
};

const KIND_TO_EVENT: Record<string, NotificationEvent> = {
  "incident.declared": "declared",
  "incident.severity_changed": "severity_changed",
  "comms.update_posted": "status_update",
  "proposal.created": "signatures_needed",
  "proposal.signed": "signatures_needed",
};

export function notificationEventFor(kind: string): NotificationEvent | null {
  return KIND_TO_EVENT[kind] ?? null;
}

/** Reads what the message needs through the caller's transaction (it sees the rows written with the event). */
export async function buildNotificationMessage(
  tx: DbTransaction,
  event: TimelineEvent,
  kind: NotificationEvent,
): Promise<NotificationMessage | null> {
  const incident = await tx.incident.findUnique({ where: { id: event.incidentId } });
  if (!incident) return null;
  const ref = `INC-${incident.number}`;
  const base = process.env.NEXTAUTH_URL?.replace(/\/$/, "");
  const drill = incident.isDrill ? "[DRILL] " : "";
  const payload = event.payload as Record<string, unknown>;
  const message = {
    event: kind,
    incident: {
      id: incident.id,
      ref,
      title: incident.title,
      severity: incident.severityName,
      status: incident.status,
      isDrill: incident.isDrill,
      url: base ? `${base}/incidents/${ref}` : null,
    },
    timelineEventId: event.id,
    occurredAt: event.createdAt.toISOString(),
  };
  if (kind === "declared") {
    return {
      ...message,
      text: `${drill}${ref} declared (${incident.severityName}): ${incident.title}`,
      details: { detectedVia: incident.detectedVia, declaredBy: event.authorLabel },
    };
  }
  if (kind === "severity_changed") {
    return {
      ...message,
      text: `${drill}${ref} severity ${String(payload.from)} → ${String(payload.to)}: ${incident.title}`,
      details: { from: payload.from, to: payload.to, reason: payload.reason ?? null, by: event.authorLabel },
    };
  }
  if (kind === "status_update") {
    return {
      ...message,
      text: `${drill}${ref} status update: ${String(payload.text)}`,
      details: { update: payload.text, template: payload.template, by: event.authorLabel },
    };
  }
  return signaturesNeeded(tx, payload, message, drill);
}

async function signaturesNeeded(
  tx: DbTransaction,
  payload: Record<string, unknown>,
  message: Omit<NotificationMessage, "text" | "details">,
  drill: string,
): Promise<NotificationMessage | null> {
  const proposal = await tx.safeProposal.findUnique({
    where: { id: String(payload.proposalId) },
    include: { safe: true, signatures: { select: { owner: true } } },
  });
  if (!proposal) return null;
  const threshold =
    proposal.safe.threshold ?? (typeof payload.threshold === "number" ? payload.threshold : null) ?? 1;
  const signed = new Set(proposal.signatures.map((signature) => signature.owner.toLowerCase()));
  if (signed.size >= threshold) return null; // enough signatures: nobody needs paging
  const pending = proposal.safe.owners.filter((owner) => !signed.has(owner.toLowerCase()));
  const members = await tx.member.findMany({
    where: { address: { in: pending, mode: "insensitive" } },
    select: { address: true, displayName: true },
  });
  const names = new Map(members.map((member) => [member.address.toLowerCase(), member.displayName]));
  const owners = pending.map((address) => ({ address, name: names.get(address.toLowerCase()) ?? null }));
  const missing = threshold - signed.size;
  const who = owners.map((owner) => owner.name ?? `${owner.address.slice(0, 6)}…${owner.address.slice(-4)}`);
  return {
    ...message,
    text: `${drill}${message.incident.ref}: ${missing} more signature${missing === 1 ? "" : "s"} needed on "${proposal.title}" (${proposal.safe.label}, ${signed.size}/${threshold}); still to sign: ${who.join(", ")}`,
    details: {
      proposalId: proposal.id,
      proposalTitle: proposal.title,
      safe: proposal.safe.address,
      safeLabel: proposal.safe.label,
      safeTxHash: proposal.safeTxHash,
      signatures: signed.size,
      threshold,
      pendingOwners: owners,
    },
  };
}
