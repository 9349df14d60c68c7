import { describe, expect, it } from "vitest";
import {
  formatCountdown,
  formatDuration,
  formatDurationInProse,
  formatLocalDateTime,
  formatRemaining,
  formatShortDuration,
  formatUtcDate,
  formatUtcDateTime,
  formatUtcTime,
  formatWait,
} from ".";

describe("durations, one style per reader", () => {
  it("in words (post-mortems, due dates)", () => {
    expect(formatDuration(45_000)).toBe("45 s");
    expect(formatDuration(12 * 60_000)).toBe("12 min");
    expect(formatDuration(2 * 3_600_000 + 15 * 60_000)).toBe("2 h 15 min");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3 d 4 h");
    expect(formatDuration(-90_000)).toBe("1 min");
  });

  it("as a countdown", () => {
    expect(formatCountdown(75)).toBe("1:15");
    expect(formatCountdown(3725)).toBe("1:02:05");
    expect(formatCountdown(-3)).toBe("0:00");
  });

  it("in a status update's prose", () => {
    expect(formatDurationInProse(4000)).toBe("1 hour 7 minutes");
    expect(formatDurationInProse(60)).toBe("0 hours 1 minute");
  });

  it("short, for charts", () => {
    expect(formatShortDuration(42)).toBe("42s");
    expect(formatShortDuration(330)).toBe("5m 30s");
    expect(formatShortDuration(7_260)).toBe("2h 1m");
    expect(formatShortDuration(200_000)).toBe("2d 7h");
  });

  it("time left on a timelock, with a steady width", () => {
    expect(formatRemaining(3900)).toBe("1 h 05 min");
    expect(formatRemaining(303)).toBe("5 min 03 s");
    expect(formatRemaining(7)).toBe("7 s");
  });

  it("a runbook's wait step", () => {
    expect(formatWait(86_400)).toBe("24 h");
    expect(formatWait(5_400)).toBe("1 h 30 min");
    expect(formatWait(45)).toBe("45 s");
    expect(formatWait(172_800)).toBe("2 days");
    expect(formatWait(0)).toBe("0 s");
  });
});

describe("UTC times, whatever the machine's zone", () => {
  const at = new Date("2025-03-01T14:05:59Z");
  it("date, time, both", () => {
    expect(formatUtcDate(at)).toBe("2025-03-01");
    expect(formatUtcTime(at)).toBe("14:05 UTC");
    expect(formatUtcDateTime(at)).toBe("2025-03-01 14:05 UTC");
  });
});

describe("local time for hover titles", () => {
  it("prints what toLocaleString prints, through one shared formatter", () => {
    for (const at of [new Date("2025-03-01T14:05:09Z"), new Date("2026-12-31T23:59:59Z"), new Date(0)]) {
      expect(formatLocalDateTime(at)).toBe(at.toLocaleString());
    }
  });
});
