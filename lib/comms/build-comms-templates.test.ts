import { describe, expect, it } from "vitest";
import { buildCommsTemplates } from "./build-comms-templates";
import { computeUpdateReminder } from "./compute-update-reminder";

const declaredAt = new Date("2026-11-26T10:00:00Z");
const incident = {
  title: "Bridge attestation forgery",
  severityName: "P1",
  status: "investigating",
  impact: "Bridge withdrawals paused",
  detectedVia: "alert",
  declaredAt,
  resolvedAt: null,
  updateCadenceSeconds: 1800,
};
const events = [
  { kind: "incident.declared", payload: { detectedVia: "alert" }, createdAt: declaredAt },
  { kind: "note.added", payload: { markdown: "internal" }, createdAt: new Date("2026-11-26T10:02:00Z") },
  { kind: "incident.contained", payload: {}, createdAt: new Date("2026-11-26T10:12:00Z") },
];

describe("buildCommsTemplates", () => {
  it("fills the musd 🚨 INCIDENT template with lifecycle lines in HH:MM UTC and the next update", () => {
    const [musd] = buildCommsTemplates({ incident, events, now: new Date("2026-11-26T10:20:00Z") });
    expect(musd!.text).toBe(
      [
        "🚨 INCIDENT: Bridge attestation forgery",
        "Severity: P1",
        "Status: Investigating",
        "Impact: Bridge withdrawals paused",
        "Timeline:",
        "  - 10:00 UTC — Detected via alert",
        "  - 10:12 UTC — Contained",
        "Next update: 10:50 UTC",
      ].join("\n"),
    );
  });

  it("fills pil's [INVESTIGATING] update and [RESOLVED] notice with the duration", () => {
    const templates = buildCommsTemplates({
      incident: { ...incident, status: "resolved", resolvedAt: new Date("2026-11-26T12:05:00Z") },
      events,
      now: new Date("2026-11-26T13:00:00Z"),
    });
    expect(templates[1]!.text).toContain(
      "[INVESTIGATING] We are investigating reports of Bridge attestation forgery.",
    );
    expect(templates[1]!.text).toContain("Started: 10:00 UTC\nUpdates every 30 minutes.");
    expect(templates[2]!.text).toContain(
      "[RESOLVED] The issue affecting Bridge withdrawals paused has been resolved.",
    );
    expect(templates[2]!.text).toContain("Duration: 2 hours 5 minutes");
  });
});

describe("computeUpdateReminder", () => {
  it("is due, then overdue", () => {
    const dueAt = new Date("2026-11-26T10:30:00Z");
    expect(computeUpdateReminder({ nextUpdateDueAt: dueAt, now: new Date("2026-11-26T10:29:00Z") })).toEqual({
      state: "due",
      dueAt,
      remainingSeconds: 60,
    });
    expect(computeUpdateReminder({ nextUpdateDueAt: dueAt, now: new Date("2026-11-26T10:31:00Z") })).toEqual({
      state: "overdue",
      dueAt,
      overdueSeconds: 60,
    });
    expect(computeUpdateReminder({ nextUpdateDueAt: null, now: dueAt })).toEqual({ state: "none" });
  });
});
