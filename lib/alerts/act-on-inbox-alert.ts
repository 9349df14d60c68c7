import type { Actor } from "../auth";
import { db } from "../db/client";
import type { Incident } from "../db/generated/client";
import { AppError } from "../errors";
// The file, not the index: the index pulls next-auth, which scripts and benches under tsx cannot load.
import { declareIncident } from "../incidents";
import { authorFromActor } from "../timeline";
import { linkAlertToIncident } from "./link-alert-to-incident";
import { type TDeclareFromAlert, ZDeclareFromAlert } from "./schemas";

async function inboxAlert(alertId: string) {
  const alert = await db().alert.findUnique({ where: { id: alertId }, include: { source: true } });
  if (!alert) throw new AppError("NOT_FOUND", "No such alert.");
  if (alert.state !== "inbox") throw new AppError("CONFLICT", `This alert is already ${alert.state}.`);
  return alert;
}

/** A responder declares an incident from an inbox alert; the alert is linked to it with `alert.fired`. */
export async function declareFromAlert(options: {
  alertId: string;
  input: TDeclareFromAlert;
  actor: Actor;
}): Promise<Incident> {
  const input = ZDeclareFromAlert.parse(options.input);
  const alert = await inboxAlert(options.alertId);
  const summary = String((alert.annotations as Record<string, unknown>).summary ?? "");
  const author = authorFromActor(options.actor);
  const { incident } = await declareIncident({
    input: {
      title:
        input.title ??
        (summary && summary !== alert.name ? `${alert.name}: ${summary}` : `Alert ${alert.name}`).slice(
          0,
          200,
        ),
      severity: input.severity,
      impact: String((alert.annotations as Record<string, unknown>).description ?? "").slice(0, 5000),
      detectedVia: "alert",
      // A double click declares once; a later episode of the same alert (new incidentId) may declare again.
      idempotencyKey: `alert:${alert.id}:${alert.incidentId ?? "first"}`,
    },
    author,
    commander: options.actor,
  });
  const linked = await linkAlertToIncident({
    alertId: alert.id,
    incident,
    expectedPreviousIncidentId: alert.incidentId,
    sourceName: alert.source.name,
    runbookAnchors: [],
    author,
    now: new Date(),
  });
  if (linked.incidentId !== incident.id) throw new AppError("CONFLICT", "This alert was linked meanwhile.");
  return incident;
}

/** Dismissing hides an inbox alert; if it resolves and fires again later it comes back to the inbox. */
export async function dismissAlert(alertId: string): Promise<void> {
  const { count } = await db().alert.updateMany({
    where: { id: alertId, state: "inbox" },
    data: { state: "dismissed" },
  });
  if (count === 0) {
    await inboxAlert(alertId);
    throw new AppError("CONFLICT", "This alert is no longer in the inbox.");
  }
}
