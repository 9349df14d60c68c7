import { type DbTransaction, db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { formatDuration } from "../time";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { INCIDENT_PHASES } from "./incident-words";
import { lockIncident } from "./lock-incident";
import { type TIncidentTransition, ZIncidentTransition } from "./schemas";

/**
 * Runs inside the resolving transaction (the post-mortem draft). Injected by the caller: lib/postmortems sits
 * above lib/incidents, so the route wires postmortems' onIncidentResolved here instead of this file importing it.
 */
export type IncidentResolvedHook = (
  tx: DbTransaction,
  incident: Incident,
  author: EventAuthor,
) => Promise<void>;

export type TransitionIncidentOptions = {
  incidentId: string;
  /** What resolving also does, in the same transaction; `null` says on purpose that nothing else happens. */
  onResolved: IncidentResolvedHook | null;
  transition: TIncidentTransition;
  author: EventAuthor;
  /** The member acting, for "acknowledged by". */
  member?: { id: string; name: string } | null;
  now?: Date;
};

/** The phase after CONTAIN (NOTIFY) for an incident still before it; a later phase stays. */
function phaseAfterContainment(phase: Incident["phase"]): Incident["phase"] {
  const after = INCIDENT_PHASES.indexOf("contain") + 1;
  return INCIDENT_PHASES.indexOf(phase) < after ? INCIDENT_PHASES[after]! : phase;
}

function conflict(message: string): never {
  throw new AppError("CONFLICT", message);
}

/**
 * One lifecycle move (acknowledge, status, phase, contain, resolve, reopen) and its timeline events, in one
 * transaction. Resolving also runs the caller's `onResolved` hook inside that transaction.
 */
export async function transitionIncident(options: TransitionIncidentOptions): Promise<Incident> {
  const transition = ZIncidentTransition.parse(options.transition);
  const now = options.now ?? new Date();
  const { author } = options;
  return db().$transaction(async (tx) => {
    const incident = await lockIncident(tx, options.incidentId);
    const base = { incidentId: incident.id, author, at: now };
    const setStatus = async (to: Incident["status"]) => {
      if (incident.status === to) return;
      await appendTimelineEvent(tx, {
        ...base,
        kind: "incident.status_changed",
        payload: { from: incident.status, to },
      });
    };
    switch (transition.action) {
      case "acknowledge": {
        if (incident.acknowledgedAt) conflict("The incident is already acknowledged.");
        await appendTimelineEvent(tx, {
          ...base,
          kind: "incident.acknowledged",
          payload: options.member ? { by: options.member } : {},
        });
        return tx.incident.update({ where: { id: incident.id }, data: { acknowledgedAt: now } });
      }
      case "set_status": {
        if (incident.resolvedAt) conflict("The incident is resolved: reopen it first.");
        if (incident.status === transition.status) return incident;
        await setStatus(transition.status);
        return tx.incident.update({ where: { id: incident.id }, data: { status: transition.status } });
      }
      case "set_phase": {
        if (incident.phase === transition.phase) return incident;
        await appendTimelineEvent(tx, {
          ...base,
          kind: "incident.phase_changed",
          payload: { from: incident.phase, to: transition.phase },
        });
        return tx.incident.update({ where: { id: incident.id }, data: { phase: transition.phase } });
      }
      case "contain": {
        if (incident.containedAt) conflict("The incident is already contained.");
        if (incident.resolvedAt) conflict("The incident is resolved.");
        await appendTimelineEvent(tx, {
          ...base,
          kind: "incident.contained",
          payload: {
            ...(transition.reason ? { reason: transition.reason } : {}),
            ...(transition.proposalId ? { proposalId: transition.proposalId } : {}),
            timeToContain: formatDuration(now.getTime() - incident.declaredAt.getTime()),
          },
        });
        // Contained means the bleeding stopped: the public status becomes Monitoring, and the workflow moves
        // past CONTAIN (a commander should not find it still at DETECT).
        await setStatus("monitoring");
        const next = phaseAfterContainment(incident.phase);
        if (next !== incident.phase)
          await appendTimelineEvent(tx, {
            ...base,
            kind: "incident.phase_changed",
            payload: { from: incident.phase, to: next },
          });
        return tx.incident.update({
          where: { id: incident.id },
          data: {
            containedAt: now,
            status: "monitoring",
            phase: next,
            acknowledgedAt: incident.acknowledgedAt ?? now,
          },
        });
      }
      case "resolve": {
        if (incident.resolvedAt) conflict("The incident is already resolved.");
        await setStatus("resolved");
        if (incident.phase !== "resolve")
          await appendTimelineEvent(tx, {
            ...base,
            kind: "incident.phase_changed",
            payload: { from: incident.phase, to: "resolve" },
          });
        await appendTimelineEvent(tx, {
          ...base,
          kind: "incident.resolved",
          payload: {
            ...(transition.summary ? { summary: transition.summary } : {}),
            ...(transition.acknowledged?.length
              ? { acknowledged: transition.acknowledged, reason: transition.reason }
              : {}),
          },
        });
        const resolved = await tx.incident.update({
          where: { id: incident.id },
          data: {
            status: "resolved",
            phase: "resolve",
            resolvedAt: now,
            // Nobody owes an update on a resolved incident.
            nextUpdateDueAt: null,
            acknowledgedAt: incident.acknowledgedAt ?? now,
            containedAt: incident.containedAt ?? now,
          },
        });
        await options.onResolved?.(tx, resolved, author);
        return resolved;
      }
      case "reopen": {
        if (!incident.resolvedAt) conflict("The incident is not resolved.");
        await appendTimelineEvent(tx, {
          ...base,
          kind: "incident.reopened",
          payload: transition.reason ? { reason: transition.reason } : {},
        });
        await setStatus("investigating");
        return tx.incident.update({
          where: { id: incident.id },
          data: {
            status: "investigating",
            resolvedAt: null,
            nextUpdateDueAt: new Date(now.getTime() + incident.updateCadenceSeconds * 1000),
          },
        });
      }
    }
  });
}
