import { describe, expect, it } from "vitest";
import { type AlertSnapshot, decideFiring, decideResolved, isPlainRepeat } from "./alert-state-machine";

// Every row an alert can be in before a delivery.
const snapshots: AlertSnapshot[] = [];
for (const status of ["firing", "resolved"] as const)
  for (const state of ["inbox", "attached", "dismissed"] as const)
    for (const link of ["none", "open", "resolved"] as const)
      snapshots.push({
        status,
        state,
        incidentId: link === "none" ? null : "incident",
        isIncidentOpen: link === "open",
      });

describe("the alert state machine", () => {
  it("a first firing delivery waits in the inbox, or declares when a route matches", () => {
    expect(decideFiring(null, false)).toEqual({
      state: "inbox",
      needsIncident: false,
      announcesRefire: false,
      outcome: "inbox",
    });
    expect(decideFiring(null, true)).toMatchObject({
      state: "inbox",
      needsIncident: true,
      outcome: "declared",
    });
  });

  it("an open incident takes every repeat, and hears of a re-fire after a resolution once", () => {
    const open: AlertSnapshot = {
      status: "firing",
      state: "attached",
      incidentId: "i",
      isIncidentOpen: true,
    };
    expect(decideFiring(open, true)).toMatchObject({
      state: "attached",
      outcome: "counted",
      needsIncident: false,
    });
    expect(decideFiring({ ...open, status: "resolved" }, false)).toMatchObject({
      state: "attached",
      announcesRefire: true,
      outcome: "attached",
    });
  });

  it("a routed alert whose incident is resolved declares a new one only when it fires again after resolving", () => {
    const closed: AlertSnapshot = {
      status: "firing",
      state: "attached",
      incidentId: "i",
      isIncidentOpen: false,
    };
    expect(decideFiring(closed, true)).toMatchObject({ outcome: "counted", needsIncident: false });
    expect(decideFiring({ ...closed, status: "resolved" }, true)).toMatchObject({
      state: "inbox",
      outcome: "declared",
      needsIncident: true,
    });
  });

  it("a dismissed alert stays dismissed while it keeps firing, and comes back to the inbox after resolving", () => {
    const dismissed: AlertSnapshot = {
      status: "firing",
      state: "dismissed",
      incidentId: null,
      isIncidentOpen: false,
    };
    expect(decideFiring(dismissed, false)).toMatchObject({ state: "dismissed", outcome: "counted" });
    expect(decideFiring({ ...dismissed, status: "resolved" }, false)).toMatchObject({
      state: "inbox",
      outcome: "inbox",
    });
  });

  it("the fast path's guard admits exactly the deliveries that change nothing but the count", () => {
    for (const previous of snapshots) {
      for (const isRouted of [false, true]) {
        const decision = decideFiring(previous, isRouted);
        const onlyCounts =
          !decision.needsIncident &&
          !decision.announcesRefire &&
          decision.outcome === "counted" &&
          decision.state === previous.state;
        expect({ previous, isRouted, guard: isPlainRepeat(previous, isRouted) }).toEqual({
          previous,
          isRouted,
          guard: onlyCounts && previous.status === "firing",
        });
      }
    }
  });

  it("a resolution is recorded once, and reaches the incident's timeline when there is one", () => {
    expect(decideResolved(null)).toEqual({ isRecorded: true, announcesResolution: false, outcome: "inbox" });
    for (const previous of snapshots) {
      const decision = decideResolved(previous);
      if (previous.status === "resolved") expect(decision.outcome).toBe("ignored");
      else expect(decision.outcome).toBe(previous.incidentId ? "resolved" : "inbox");
      expect(decision.announcesResolution).toBe(previous.status === "firing" && previous.incidentId !== null);
    }
  });
});
