import { describe, expect, it } from "vitest";
import { ingestAlert, type RouteRule } from "../../lib/alerts";
import { db } from "../../lib/db";
import { transitionIncident } from "../../lib/incidents";
import { onIncidentResolved } from "../../lib/postmortems";
import { SYSTEM_AUTHOR } from "../../lib/timeline";
import { makeSource, unique } from "./alerts-support";

// One alert state machine (lib/alerts/alert-state-machine.ts), two ways to apply it: the one-statement fast
// path for plain repeats and the locked path for everything. The same delivery sequences run through both
// (fast path on, and every delivery locked) must leave the same outcomes, rows and timelines.

type Step = { deliver: "firing" | "resolved" } | { act: "resolve-incident" | "reopen-incident" | "dismiss" };

const sequences: Record<string, { routed: boolean; steps: Step[] }> = {
  "unrouted storm, resolution, re-fire": {
    routed: false,
    steps: [
      { deliver: "firing" },
      { deliver: "firing" },
      { deliver: "firing" },
      { deliver: "resolved" },
      { deliver: "resolved" },
      { deliver: "firing" },
      { deliver: "firing" },
    ],
  },
  "routed: declare, repeats on the open incident, resolution, re-fire while open": {
    routed: true,
    steps: [
      { deliver: "firing" },
      { deliver: "firing" },
      { deliver: "resolved" },
      { deliver: "firing" },
      { deliver: "firing" },
    ],
  },
  "routed: the incident is resolved, repeats count, a new episode declares again": {
    routed: true,
    steps: [
      { deliver: "firing" },
      { act: "resolve-incident" },
      { deliver: "firing" },
      { deliver: "resolved" },
      { deliver: "firing" },
      { deliver: "firing" },
    ],
  },
  "routed: the incident is reopened while the alert keeps firing": {
    routed: true,
    steps: [
      { deliver: "firing" },
      { act: "resolve-incident" },
      { deliver: "firing" },
      { act: "reopen-incident" },
      { deliver: "firing" },
      { deliver: "firing" },
    ],
  },
  "unrouted: dismissed, keeps firing, comes back after resolving": {
    routed: false,
    steps: [
      { deliver: "firing" },
      { act: "dismiss" },
      { deliver: "firing" },
      { deliver: "resolved" },
      { deliver: "firing" },
    ],
  },
};

async function run(routed: boolean, steps: Step[], isFastPathEnabled: boolean) {
  const { source } = await makeSource("alertmanager", "bearer");
  const name = unique("Paths");
  const routes: RouteRule[] = routed
    ? [
        {
          id: unique("route-"),
          matchAlertName: name,
          matchLabels: {},
          severityName: "P2",
          runbookAnchors: [],
          priority: 0,
          isEnabled: true,
          createdAt: new Date(),
        },
      ]
    : [];
  const outcomes: string[] = [];
  let alertId: string | null = null;
  for (const step of steps) {
    if ("deliver" in step) {
      const result = await ingestAlert({
        source,
        routes,
        isFastPathEnabled,
        alert: {
          dedupKey: "fp-1",
          name,
          status: step.deliver,
          labels: { severity: "critical" },
          annotations: {},
          summary: "",
          endsAt: null,
        },
      });
      outcomes.push(`${step.deliver}:${result.outcome}:${result.count}`);
      alertId = result.alertId ?? alertId;
      continue;
    }
    const alert = await db().alert.findUniqueOrThrow({ where: { id: alertId! } });
    if (step.act === "dismiss") {
      await db().alert.update({ where: { id: alert.id }, data: { state: "dismissed" } });
    } else {
      await transitionIncident({
        incidentId: alert.incidentId!,
        onResolved: onIncidentResolved,
        transition:
          step.act === "resolve-incident"
            ? { action: "resolve" }
            : { action: "reopen", reason: "fired again" },
        author: SYSTEM_AUTHOR,
      });
    }
  }
  const rows = await db().alert.findMany({ where: { sourceId: source.id } });
  // The incidents this alert declared (their idempotency keys name it) and what their timelines say.
  const incidents = await db().incident.findMany({
    where: { idempotencyKey: { startsWith: `alert:${alertId}:` } },
    orderBy: { declaredAt: "asc" },
    include: { events: { orderBy: { id: "asc" }, select: { kind: true } } },
  });
  return {
    outcomes,
    rows: rows.map((r) => ({
      status: r.status,
      state: r.state,
      count: r.count,
      severity: r.severity,
      hasIncident: r.incidentId !== null,
    })),
    isLinkedToLatest: rows[0]?.incidentId === (incidents.at(-1)?.id ?? null),
    timelines: incidents.map((i) => i.events.map((e) => e.kind)),
  };
}

describe("alert ingest: the fast path and the locked path apply one state machine", () => {
  for (const [title, { routed, steps }] of Object.entries(sequences)) {
    it(title, async () => {
      const fast = await run(routed, steps, true);
      const locked = await run(routed, steps, false);
      expect(fast).toEqual(locked);
      // Every delivery was counted exactly once, whichever path took it.
      const firings = steps.filter((s) => "deliver" in s && s.deliver === "firing").length;
      expect(fast.outcomes.length).toBe(steps.filter((s) => "deliver" in s).length);
      expect(fast.rows[0]!.count).toBeGreaterThanOrEqual(firings);
    });
  }
});
