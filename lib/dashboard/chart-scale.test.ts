import { describe, expect, it } from "vitest";
import { formatShortDuration } from "../time";
import { axisTicks, niceCeiling, niceDurationCeiling } from "./chart-scale";

describe("chart scales", () => {
  it("rounds axis maxima up to readable values", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(3)).toBe(3);
    expect(niceCeiling(37)).toBe(40);
    expect(niceCeiling(1234)).toBe(1500);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });

  it("rounds durations in minutes, hours or days", () => {
    expect(niceDurationCeiling(0)).toBe(60);
    expect(niceDurationCeiling(330)).toBe(6 * 60);
    expect(niceDurationCeiling(7_260)).toBe(2.5 * 3600);
    expect(niceDurationCeiling(300_000)).toBe(4 * 86_400);
  });

  it("spaces ticks evenly from zero", () => {
    expect(axisTicks(40)).toEqual([0, 10, 20, 30, 40]);
  });

  it("formats durations short", () => {
    expect(formatShortDuration(42)).toBe("42s");
    expect(formatShortDuration(300)).toBe("5m");
    expect(formatShortDuration(330)).toBe("5m 30s");
    expect(formatShortDuration(7_260)).toBe("2h 1m");
    expect(formatShortDuration(200_000)).toBe("2d 7h");
  });
});
