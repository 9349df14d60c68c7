import { describe, expect, it } from "vitest";
import { dashboardWindow } from "./dashboard-window";

describe("dashboardWindow", () => {
  it("covers whole UTC weeks from Monday, the last one holding now", () => {
    // Thursday 2030-01-17 09:30 UTC
    const window = dashboardWindow(new Date("2030-01-17T09:30:00Z"), 3);
    expect(window.buckets.map((bucket) => bucket.toISOString())).toEqual([
      "2029-12-31T00:00:00.000Z",
      "2030-01-07T00:00:00.000Z",
      "2030-01-14T00:00:00.000Z",
    ]);
    expect(window.from.toISOString()).toBe("2029-12-31T00:00:00.000Z");
    expect(window.to.toISOString()).toBe("2030-01-17T09:30:00.000Z");
  });

  it("on a Monday and on a Sunday the current week starts that Monday", () => {
    expect(dashboardWindow(new Date("2030-01-14T00:00:00Z"), 1).from.toISOString()).toBe(
      "2030-01-14T00:00:00.000Z",
    );
    expect(dashboardWindow(new Date("2030-01-20T23:59:59Z"), 1).from.toISOString()).toBe(
      "2030-01-14T00:00:00.000Z",
    );
  });
});
