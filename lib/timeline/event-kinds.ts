import { z } from "zod";
import { TIMELINE_EVENT_KIND_NAMES, type TimelineEventKindName } from "./event-kind-names";

/**
 * Every kind of timeline event and its payload. An event is written in the same transaction as the change
 * it records (appendTimelineEvent takes the transaction), and its payload is validated here on the way in.
 * Add a kind here when a feature records something new; never change the meaning of an existing one.
 */
const ZMemberRef = z.object({ id: z.string(), name: z.string() });
const ZHex = z.string().regex(/^0x[0-9a-fA-F]*$/);

export const TIMELINE_EVENT_SCHEMAS = {
  // Incident lifecycle
  "incident.declared": z.object({
    title: z.string(),
    severity: z.string(),
    impact: z.string(),
    detectedVia: z.string(),
    affectedContracts: z.array(z.string()),
    isDrill: z.boolean(),
  }),
  "incident.acknowledged": z.object({ by: ZMemberRef.optional() }),
  "incident.status_changed": z.object({ from: z.string(), to: z.string() }),
  "incident.phase_changed": z.object({ from: z.string(), to: z.string() }),
  "incident.severity_changed": z.object({ from: z.string(), to: z.string(), reason: z.string().optional() }),
  "incident.title_changed": z.object({ from: z.string(), to: z.string() }),
  "incident.impact_changed": z.object({ from: z.string(), to: z.string() }),
  "incident.role_assigned": z.object({
    role: z.enum(["commander", "comms_lead", "scribe"]),
    member: ZMemberRef.nullable(),
    previous: ZMemberRef.nullable(),
  }),
  // timeToContain ("12 min") and the proposal whose verified execution contained it, when there was one.
  "incident.contained": z.object({
    reason: z.string().optional(),
    timeToContain: z.string().optional(),
    proposalId: z.string().optional(),
  }),
  // acknowledged: what was still open when a commander resolved anyway (paused contracts, timelocks,
  // open proposals), with the reason given.
  "incident.resolved": z.object({
    summary: z.string().optional(),
    acknowledged: z.array(z.string()).optional(),
    reason: z.string().optional(),
  }),
  "incident.reopened": z.object({ reason: z.string().optional() }),
  // Responders' own entries
  "note.added": z.object({ markdown: z.string().min(1) }),
  "event.pinned": z.object({ eventId: z.number().int() }),
  "event.unpinned": z.object({ eventId: z.number().int() }),
  "event.corrected": z.object({ markdown: z.string().min(1) }),
  "comms.update_posted": z.object({
    template: z.string(),
    text: z.string().min(1),
    nextUpdateDueAt: z.string().nullable(),
  }),
  // Runbooks and checklists
  "runbook.attached": z.object({
    incidentRunbookId: z.string(),
    document: z.string(),
    version: z.number().int(),
    anchor: z.string(),
    title: z.string(),
  }),
  "checklist.item_checked": z.object({
    incidentRunbookId: z.string(),
    stepIndex: z.number().int(),
    text: z.string(),
    isChecked: z.boolean(),
  }),
  "verification.recorded": z.object({
    contract: z.string(),
    address: z.string(),
    signature: z.string(),
    args: z.array(z.string()),
    expected: z.string().nullable(),
    actual: z.string(),
    isPassed: z.boolean().nullable(),
    blockNumber: z.string(),
    source: z.string().optional(),
  }),
  // Safe proposals
  "proposal.created": z.object({
    proposalId: z.string(),
    safe: z.string(),
    safeLabel: z.string(),
    title: z.string(),
    nonce: z.number().int(),
    safeTxHash: ZHex,
    isRejection: z.boolean(),
  }),
  "proposal.simulated": z.object({ proposalId: z.string(), isSuccess: z.boolean(), summary: z.string() }),
  "proposal.signed": z.object({
    proposalId: z.string(),
    owner: z.string(),
    count: z.number().int(),
    threshold: z.number().int(),
    /** A drill's stand-in: the fork approved the hash as this owner (not the owner's own signature). */
    isStandIn: z.boolean().optional(),
  }),
  "proposal.executed": z.object({
    proposalId: z.string(),
    txHash: ZHex,
    blockNumber: z.number().int(),
    isSuccess: z.boolean(),
    isReconciled: z.boolean(),
    // "console": sent through this console's Execute (executor: who claimed it), even when the receipt was
    // first seen by a reconciliation; "chain": executed by another path.
    via: z.enum(["console", "chain"]).optional(),
    executor: z.string().optional(),
  }),
  "proposal.state_changed": z.object({
    proposalId: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string(),
  }),
  // Degraded chain: a proposal prepared while the RPC was unreachable, simulated once the chain answers.
  "proposal.simulation_deferred": z.object({ proposalId: z.string(), reason: z.string() }),
  // A signature accepted against the cached owners, checked against the chain's owners once it answers.
  "proposal.signature_rechecked": z.object({
    proposalId: z.string(),
    owner: z.string(),
    isOwner: z.boolean(),
    summary: z.string(),
  }),
  // A commander went past a guardrail (pre-unpause checklist not done, a duplicate of an executed action,
  // proposing from a resolved incident) with a reason; unchecked lists what was open.
  "proposal.guard_overridden": z.object({
    proposalId: z.string().optional(),
    guard: z.enum(["pre_unpause_checklist", "duplicate_action"]),
    action: z.string().optional(),
    reason: z.string().min(1),
    unchecked: z.array(z.string()),
  }),
  // Drills: rehearsals on a fork of a registry chain (the incident has isDrill)
  "drill.started": z.object({
    drillId: z.string(),
    sourceChainId: z.number().int(),
    forkChainId: z.number().int(),
    forkBlock: z.number().int(),
    runbook: z.string(),
    section: z.string(),
  }),
  "drill.stand_in": z.object({
    drillId: z.string(),
    proposalId: z.string(),
    owner: z.string(),
    txHash: ZHex,
  }),
  "drill.injected": z.object({
    drillId: z.string(),
    injection: z.enum(["revoke_role", "halt_rpc", "resume_rpc", "fire_alert"]),
    summary: z.string(),
  }),
  "drill.stopped": z.object({ drillId: z.string(), summary: z.string() }),
  "timelock.started": z.object({ proposalId: z.string(), readyAt: z.string(), followUp: z.string() }),
  // Emergency kits (lib/kits): breaking the glass on this incident, step by step.
  "kit.break_glass_started": z.object({
    kitId: z.string(),
    kit: z.string(),
    executionId: z.string(),
    safeLabel: z.string(),
    nonce: z.number().int(),
    mode: z.enum(["executor", "wallet"]),
    /** Set when an alert routing rule broke the glass automatically. */
    alert: z.object({ id: z.string(), name: z.string(), source: z.string() }).nullable(),
  }),
  "kit.simulated": z.object({ kitId: z.string(), isSuccess: z.boolean(), summary: z.string() }),
  // Wallet path: execTransaction's calldata (which contains the signatures) went to the responder's browser.
  "kit.calldata_released": z.object({ kitId: z.string(), executionId: z.string(), to: z.string() }),
  "kit.executed": z.object({
    kitId: z.string(),
    executionId: z.string(),
    txHash: ZHex,
    blockNumber: z.number().int(),
    isSuccess: z.boolean(),
    sender: z.string(),
  }),
  "kit.break_glass_failed": z.object({
    kitId: z.string(),
    executionId: z.string().nullable(),
    reason: z.string(),
  }),
  "kit.automatic_skipped": z.object({
    kitId: z.string(),
    kit: z.string(),
    alert: z.object({ id: z.string(), name: z.string(), source: z.string() }),
    reason: z.string(),
  }),
  // Alerts
  "alert.fired": z.object({
    alertId: z.string(),
    name: z.string(),
    source: z.string(),
    count: z.number().int(),
    summary: z.string(),
  }),
  "alert.resolved": z.object({ alertId: z.string(), name: z.string(), source: z.string() }),
  // Chain watch (lib/watch): a log of a watched contract or Safe, recorded once its block has the configured
  // confirmations; proposalId names the console proposal whose execution emitted it (null: done outside).
  "chain.event": z.object({
    chainEventId: z.number().int(),
    chainId: z.number().int(),
    blockNumber: z.number().int(),
    blockHash: ZHex,
    txHash: ZHex,
    logIndex: z.number().int(),
    address: z.string(),
    emitter: z.string(),
    emitterKind: z.enum(["contract", "safe"]),
    event: z.string().nullable(),
    signature: z.string().nullable(),
    args: z.record(z.string(), z.string()),
    explorerUrl: z.string().nullable(),
    proposalId: z.string().nullable(),
  }),
  // The block that carried a recorded chain event was replaced (reorg): the event did not happen there.
  "chain.event_retracted": z.object({
    chainEventId: z.number().int(),
    chainId: z.number().int(),
    blockNumber: z.number().int(),
    blockHash: ZHex,
    canonicalHash: ZHex.nullable(),
    event: z.string().nullable(),
    emitter: z.string(),
  }),
  // Post-mortem
  "postmortem.created": z.object({ postMortemId: z.string(), dueAt: z.string() }),
  "postmortem.status_changed": z.object({ postMortemId: z.string(), from: z.string(), to: z.string() }),
  "action_item.created": z.object({
    actionItemId: z.string(),
    title: z.string(),
    owner: z.string().nullable(),
  }),
  "action_item.status_changed": z.object({
    actionItemId: z.string(),
    title: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  // Owner, due date or runbook link of an action item changed (status changes have their own kind).
  "action_item.updated": z.object({
    actionItemId: z.string(),
    title: z.string(),
    owner: z.string().nullable(),
    dueAt: z.string().nullable(),
    runbook: z.string().nullable(),
  }),
  // Paging (lib/paging): who was reached, how, and who answered. Payloads name people, never routes' targets.
  "page.sent": z.object({
    pageId: z.string(),
    subject: z.enum(["incident", "proposal", "kit"]),
    level: z.number().int(),
    round: z.number().int(),
    isReminder: z.boolean(),
    recipients: z.array(ZMemberRef),
    // Members (or owners with no member) who have no enabled contact route.
    unreachable: z.array(z.string()),
  }),
  "page.delivered": z.object({
    pageId: z.string(),
    deliveryId: z.string(),
    recipient: ZMemberRef,
    kind: z.string(),
  }),
  "page.delivery_failed": z.object({
    pageId: z.string(),
    deliveryId: z.string(),
    recipient: ZMemberRef,
    kind: z.string(),
    reason: z.string(),
    isFinal: z.boolean(),
  }),
  "page.acknowledged": z.object({ pageId: z.string(), by: ZMemberRef, via: z.enum(["link", "console"]) }),
  "page.escalated": z.object({
    pageId: z.string(),
    fromLevel: z.number().int(),
    toLevel: z.number().int(),
    round: z.number().int(),
  }),
  "page.stopped": z.object({ pageId: z.string(), reason: z.string() }),
} as const satisfies Record<TimelineEventKindName, z.ZodType>;

export type TimelineEventKind = keyof typeof TIMELINE_EVENT_SCHEMAS;
export type TimelinePayload<K extends TimelineEventKind> = z.infer<(typeof TIMELINE_EVENT_SCHEMAS)[K]>;
// Every name has a schema (`satisfies` above) and every schema a name (this assignment).
export const TIMELINE_EVENT_KINDS: readonly TimelineEventKind[] =
  TIMELINE_EVENT_KIND_NAMES satisfies readonly TimelineEventKind[];
type MissingName = Exclude<TimelineEventKind, TimelineEventKindName>;
const everySchemaIsNamed: [MissingName] extends [never] ? true : MissingName = true;
void everySchemaIsNamed;

export function isTimelineEventKind(kind: string): kind is TimelineEventKind {
  return kind in TIMELINE_EVENT_SCHEMAS;
}
