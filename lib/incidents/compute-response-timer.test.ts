import { describe, expect, it } from "vitest";
import { formatCountdown, formatUtcTime } from "../time";
import { computeResponseTimer } from "./compute-response-timer";

const declaredAt = new Date("2026-11-26T10:00:00Z");
const P1_TARGET = 15 * 60;
const at = (minutes: number, seconds = 0) => new Date(declaredAt.getTime() + (minutes * 60 + seconds) * 1000);

describe("computeResponseTimer (controlled clock)", () => {
  it("counts down to the acknowledge-by time of a P1", () => {
    const timer = computeResponseTimer({
      declaredAt,
      acknowledgedAt: null,
      responseTargetSeconds: P1_TARGET,
      now: at(5),
    });
    expect(timer).toEqual({ state: "pending", dueAt: at(15), remainingSeconds: 600 });
  });

  it("a P1 not acknowledged in 15 min is overdue", () => {
    expect(
      computeResponseTimer({
        declaredAt,
        acknowledgedAt: null,
        responseTargetSeconds: P1_TARGET,
        now: at(14, 59),
      }).state,
    ).toBe("pending");
    expect(
      computeResponseTimer({
        declaredAt,
        acknowledgedAt: null,
        responseTargetSeconds: P1_TARGET,
        now: at(15),
      }),
    ).toEqual({ state: "overdue", dueAt: at(15), overdueSeconds: 0 });
    expect(
      computeResponseTimer({
        declaredAt,
        acknowledgedAt: null,
        responseTargetSeconds: P1_TARGET,
        now: at(17, 30),
      }),
    ).toEqual({ state: "overdue", dueAt: at(15), overdueSeconds: 150 });
  });

  it("stops at acknowledgement and says whether the target was met", () => {
    const met = computeResponseTimer({
      declaredAt,
      acknowledgedAt: at(4),
      responseTargetSeconds: P1_TARGET,
      now: at(60),
    });
    expect(met).toMatchObject({ state: "acknowledged", isWithinTarget: true, tookSeconds: 240 });
    const late = computeResponseTimer({
      declaredAt,
      acknowledgedAt: at(20),
      responseTargetSeconds: P1_TARGET,
      now: at(60),
    });
    expect(late).toMatchObject({ state: "acknowledged", isWithinTarget: false, tookSeconds: 1200 });
  });
});

describe("formatting", () => {
  it("formats countdowns and UTC times", () => {
    expect(formatCountdown(75)).toBe("1:15");
    expect(formatCountdown(3725)).toBe("1:02:05");
    expect(formatCountdown(-3)).toBe("0:00");
    expect(formatUtcTime(new Date("2026-11-26T09:05:59Z"))).toBe("09:05 UTC");
  });
});
