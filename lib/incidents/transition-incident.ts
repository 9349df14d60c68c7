import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
import { onIncidentResolved } from "../postmortems/on-incident-resolved";
import { appendTimelineEvent, type EventAuthor } from "../timeline";
import { lockIncident } from "./lock-incident";
import { type TIncidentTransition, ZIncidentTransition } from "./schemas";

export type TransitionIncidentOptions = {
  incidentId: string;
  transition: TIncidentTransition;
  author: EventAuthor;
  /** The member acting, for "acknowledged by". */
  member?: { id: string; name: string } | null;
  now?: Date;
};

function conflict(message: string): never {
  throw new AppError("CONFLICT", message);
}

/**
 * One lifecycle move (acknowledge, status, phase, contain, resolve, reopen) and its timeline events, in one
 * transaction. Resolving also runs the post-mortem hook inside that transaction.
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
          payload: transition.reason ? { reason: transition.reason } : {},
        });
        // Contained means the bleeding stopped: the public status becomes Monitoring.
        await setStatus("monitoring");
        return tx.incident.update({
          where: { id: incident.id },
          data: { containedAt: now, status: "monitoring", acknowledgedAt: incident.acknowledgedAt ?? now },
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
          payload: transition.summary ? { summary: transition.summary } : {},
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
        await onIncidentResolved(tx, resolved, author);
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
