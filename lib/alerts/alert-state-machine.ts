// The alert state rules, once, as pure functions. Both ingest paths use them: the locked path in
// ingest-alert.ts for every decision, and the one-statement fast path in record-firing-fast.ts, whose SQL
// guard is `isPlainRepeat` written in SQL (alert-state-machine.test.ts checks the guard against the rules, and
// tests/integration/alerts-ingest-paths.test.ts runs the same delivery sequences through both paths).

export type AlertOutcome = "declared" | "attached" | "counted" | "inbox" | "resolved" | "ignored";
export type AlertStateName = "inbox" | "attached" | "dismissed";

/** The row as it was before this delivery (null: the first delivery of this alert). */
export type AlertSnapshot = {
  status: "firing" | "resolved";
  state: AlertStateName;
  incidentId: string | null;
  /** The linked incident exists and is not resolved. */
  isIncidentOpen: boolean;
};

export type FiringDecision = {
  state: AlertStateName;
  /** A routed alert without an open incident: declare (idempotently) and link one. */
  needsIncident: boolean;
  /** It fired again after resolving while its incident is still open: `alert.fired` on that timeline. */
  announcesRefire: boolean;
  outcome: AlertOutcome;
};

/** A firing delivery: every field of the row it changes follows from the row before and whether a route matched. */
export function decideFiring(previous: AlertSnapshot | null, isRouted: boolean): FiringDecision {
  if (!previous) {
    return isRouted
      ? { state: "inbox", needsIncident: true, announcesRefire: false, outcome: "declared" }
      : { state: "inbox", needsIncident: false, announcesRefire: false, outcome: "inbox" };
  }
  const isRestarted = previous.status === "resolved";
  if (previous.isIncidentOpen) {
    return isRestarted
      ? { state: "attached", needsIncident: false, announcesRefire: true, outcome: "attached" }
      : { state: "attached", needsIncident: false, announcesRefire: false, outcome: "counted" };
  }
  if (isRouted) {
    const needsIncident = isRestarted || (previous.incidentId === null && previous.state === "inbox");
    return needsIncident
      ? { state: "inbox", needsIncident: true, announcesRefire: false, outcome: "declared" }
      : { state: previous.state, needsIncident: false, announcesRefire: false, outcome: "counted" };
  }
  if (isRestarted) return { state: "inbox", needsIncident: false, announcesRefire: false, outcome: "inbox" };
  return { state: previous.state, needsIncident: false, announcesRefire: false, outcome: "counted" };
}

/**
 * Whether a firing delivery only counts (state, incident and timeline unchanged): what the fast path may do
 * in one statement. record-firing-fast.ts has this in SQL: `status = 'firing' AND NOT (routed AND incidentId
 * IS NULL AND state = 'inbox') AND NOT (state <> 'attached' AND the linked incident is open)`.
 */
export function isPlainRepeat(previous: AlertSnapshot, isRouted: boolean): boolean {
  return (
    previous.status === "firing" &&
    !(isRouted && previous.incidentId === null && previous.state === "inbox") &&
    !(previous.state !== "attached" && previous.isIncidentOpen)
  );
}

export type ResolvedDecision = {
  /** Record the resolution (status, resolvedAt, count); false: a repeat of a resolution already recorded. */
  isRecorded: boolean;
  /** `alert.resolved` on the linked incident's timeline (it never closes the incident). */
  announcesResolution: boolean;
  outcome: AlertOutcome;
};

export function decideResolved(previous: AlertSnapshot | null): ResolvedDecision {
  if (previous && previous.status === "resolved")
    return { isRecorded: false, announcesResolution: false, outcome: "ignored" };
  const hasIncident = previous?.incidentId != null;
  return { isRecorded: true, announcesResolution: hasIncident, outcome: hasIncident ? "resolved" : "inbox" };
}
