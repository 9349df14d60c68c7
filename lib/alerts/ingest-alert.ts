import { randomUUID } from "node:crypto";
import { db } from "../db/client";
import { isAppError } from "../errors";
import { declareIncident } from "../incidents";
import { appendTimelineEvent } from "../timeline";
import { alertAuthor } from "./alert-author";
import { type AlertOutcome, type AlertSnapshot, decideFiring, decideResolved } from "./alert-state-machine";
import { linkAlertToIncident } from "./link-alert-to-incident";
import { matchAlertRoute, type RouteRule } from "./match-alert-route";
import type { IncomingAlert } from "./normalize-alerts";
import { recordFiringFast } from "./record-firing-fast";

export type IngestOutcome = AlertOutcome;
export type IngestedAlert = {
  alertId: string | null;
  dedupKey: string;
  outcome: IngestOutcome;
  incidentId: string | null;
  count: number;
  /** The routing rule that matched (firing alerts), for what the edge does next (an automatic kit). */
  routeId: string | null;
};

type LockedRow = {
  id: string;
  status: string;
  state: string;
  incidentId: string | null;
  incidentResolvedAt: Date | null;
};

/**
 * Records one delivery of one alert. Repeats are counted on the one row per (source, dedup key): the row is
 * created with INSERT … ON CONFLICT DO NOTHING and then locked (SELECT … FOR UPDATE), so concurrent
 * deliveries serialise on it and every one is counted exactly once.
 *
 * A firing alert that matches a route and has no open incident is declared through declareIncident with an
 * idempotency key derived from the alert (and the incident it had before, so a new episode after a resolved
 * incident gets a new one): racing deliveries all get the same incident. A resolved alert adds
 * `alert.resolved` to its incident and never closes it: people decide when an incident is over.
 */
export async function ingestAlert(options: {
  source: { id: string; name: string };
  alert: IncomingAlert;
  routes: readonly RouteRule[];
  now?: Date;
  /**
   * false: every delivery takes the locked path (tests/integration/alerts-ingest-paths.test.ts runs the same
   * sequences both ways and compares). The fast path is the default: alert storms are mostly plain repeats.
   */
  isFastPathEnabled?: boolean;
}): Promise<IngestedAlert> {
  const { source, alert } = options;
  const now = options.now ?? new Date();
  const author = alertAuthor(source);
  const route = matchAlertRoute(options.routes, alert);
  const base = { dedupKey: alert.dedupKey, routeId: route?.id ?? null };

  if (alert.status === "firing" && options.isFastPathEnabled !== false) {
    const fast = await recordFiringFast({
      sourceId: source.id,
      alert,
      severity: route?.severityName ?? null,
      now,
    });
    if (fast) {
      // The fast path only inserts a new row or counts a plain repeat (isPlainRepeat); what that means is
      // still the state machine's call.
      const decision = decideFiring(fast.isNew ? null : fast.previous, route !== null);
      if (decision.needsIncident && route)
        return declareForAlert({ source, alert, route, alertId: fast.id, previous: null, count: 1, now });
      return {
        ...base,
        alertId: fast.id,
        outcome: decision.outcome,
        incidentId: fast.incidentId,
        count: fast.count,
      };
    }
  }

  const recorded = await db().$transaction(async (tx) => {
    if (alert.status === "acknowledged") {
      // Acknowledging happens in the console; from a monitor it is only a sign of life.
      await tx.alert.updateMany({
        where: { sourceId: source.id, dedupKey: alert.dedupKey },
        data: { lastSeenAt: now },
      });
      return null;
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO "Alert" ("id", "sourceId", "dedupKey", "name", "status", "count")
      VALUES (${randomUUID()}, ${source.id}, ${alert.dedupKey}, ${alert.name}, ${alert.status}, 0)
      ON CONFLICT ("sourceId", "dedupKey") DO NOTHING`;
    const isNew = inserted === 1;
    const [row] = await tx.$queryRaw<LockedRow[]>`
      SELECT a."id", a."status", a."state", a."incidentId", i."resolvedAt" AS "incidentResolvedAt"
      FROM "Alert" a LEFT JOIN "Incident" i ON i."id" = a."incidentId"
      WHERE a."sourceId" = ${source.id} AND a."dedupKey" = ${alert.dedupKey}
      FOR UPDATE OF a`;
    if (!row) throw new Error("alert row vanished inside its transaction");
    const previous: AlertSnapshot | null = isNew
      ? null
      : {
          status: row.status as AlertSnapshot["status"],
          state: row.state as AlertSnapshot["state"],
          incidentId: row.incidentId,
          isIncidentOpen: row.incidentId !== null && row.incidentResolvedAt === null,
        };
    const common = {
      name: alert.name,
      labels: alert.labels,
      annotations: alert.annotations,
      lastSeenAt: now,
      ...(isNew ? { firstSeenAt: now } : {}),
    };

    if (alert.status === "resolved") {
      const decision = decideResolved(previous);
      if (!decision.isRecorded) {
        await tx.alert.update({ where: { id: row.id }, data: { lastSeenAt: now } });
        return { row, count: null, outcome: decision.outcome, needsIncident: false };
      }
      const updated = await tx.alert.update({
        where: { id: row.id },
        data: { ...common, status: "resolved", resolvedAt: alert.endsAt ?? now },
      });
      if (decision.announcesResolution && row.incidentId) {
        await appendTimelineEvent(tx, {
          incidentId: row.incidentId,
          kind: "alert.resolved",
          author,
          at: now,
          payload: { alertId: row.id, name: alert.name, source: source.name },
        });
      }
      return { row, count: updated.count, outcome: decision.outcome, needsIncident: false };
    }

    const { state, needsIncident, announcesRefire, outcome } = decideFiring(previous, route !== null);

    const updated = await tx.alert.update({
      where: { id: row.id },
      data: {
        ...common,
        status: "firing",
        count: { increment: 1 },
        state,
        resolvedAt: null,
        severity: route?.severityName ?? null,
      },
    });
    if (announcesRefire && row.incidentId) {
      // The same alert fired again while its incident is still open: say so on the timeline, once per episode.
      await appendTimelineEvent(tx, {
        incidentId: row.incidentId,
        kind: "alert.fired",
        author,
        at: now,
        payload: {
          alertId: row.id,
          name: alert.name,
          source: source.name,
          count: updated.count,
          summary: alert.summary,
        },
      });
    }
    return { row, count: updated.count, outcome, needsIncident };
  });

  if (!recorded) return { ...base, alertId: null, outcome: "ignored", incidentId: null, count: 0 };
  const { row } = recorded;
  const count = recorded.count ?? 0;
  if (!recorded.needsIncident || !route) {
    return { ...base, alertId: row.id, outcome: recorded.outcome, incidentId: row.incidentId, count };
  }

  return declareForAlert({ source, alert, route, alertId: row.id, previous: row.incidentId, count, now });
}

/** Declares (idempotently: racing deliveries share the key) and links the incident for a routed alert. */
async function declareForAlert(options: {
  source: { id: string; name: string };
  alert: IncomingAlert;
  route: RouteRule;
  alertId: string;
  previous: string | null;
  count: number;
  now: Date;
}): Promise<IngestedAlert> {
  const { source, alert, route, alertId, count, now } = options;
  const author = alertAuthor(source);
  const base = { dedupKey: alert.dedupKey, alertId, count, routeId: route.id };
  let declared: Awaited<ReturnType<typeof declareIncident>>;
  try {
    declared = await declareIncident({
      input: {
        title: incidentTitle(alert),
        severity: route.severityName,
        impact: (alert.annotations.description ?? "").slice(0, 5000),
        detectedVia: "alert",
        idempotencyKey: `alert:${alertId}:${options.previous ?? "first"}`,
      },
      author,
      commander: null,
      now,
    });
  } catch (error) {
    // A route naming a severity level that was removed since: keep the alert in the inbox for a person.
    if (isAppError(error)) return { ...base, outcome: "inbox", incidentId: null };
    throw error;
  }
  const linked = await linkAlertToIncident({
    alertId,
    incident: declared.incident,
    expectedPreviousIncidentId: options.previous,
    sourceName: source.name,
    runbookAnchors: route.runbookAnchors,
    author,
    now,
  });
  return {
    ...base,
    outcome: declared.isNew ? "declared" : "attached",
    incidentId: linked.incidentId ?? declared.incident.id,
  };
}

function incidentTitle(alert: IncomingAlert): string {
  const title =
    alert.summary && alert.summary !== alert.name ? `${alert.name}: ${alert.summary}` : `Alert ${alert.name}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}
