import { describe, expect, it } from "vitest";
import type { ResponseTimesRow } from "./aggregate-response-times";
import { buildTrendSeries } from "./build-trend-series";

const weeks = [new Date("2030-01-07T00:00:00Z"), new Date("2030-01-14T00:00:00Z")];
const times = {
  declared: 2,
  acknowledged: 2,
  mttaSeconds: 300,
  resolved: 1,
  mttrSeconds: 3600,
  contained: 0,
  ttcSeconds: null,
};
const row = (severityName: string, severityRank: number, bucket: Date | null, mtta: number) =>
  ({ ...times, severityName, severityRank, color: "#f00", bucket, mttaSeconds: mtta }) as ResponseTimesRow;

describe("buildTrendSeries", () => {
  it("puts each week's figure at its bucket, leaves empty weeks as gaps, and keeps the totals apart", () => {
    const { summaries, series } = buildTrendSeries(
      [
        row("P2", 1, null, 500),
        row("P2", 1, weeks[1]!, 500),
        row("P1", 0, null, 120),
        row("P1", 0, weeks[0]!, 120),
      ],
      weeks,
    );
    expect(summaries.map((summary) => [summary.severityName, summary.mttaSeconds])).toEqual([
      ["P2", 500],
      ["P1", 120],
    ]);
    // Ordered by rank, most severe first.
    expect(series.map((line) => line.severityName)).toEqual(["P1", "P2"]);
    expect(series[0]!.points.mttaSeconds).toEqual([120, null]);
    expect(series[1]!.points.mttaSeconds).toEqual([null, 500]);
    expect(series[1]!.points.ttcSeconds).toEqual([null, null]);
  });

  it("ignores rows outside the window's buckets", () => {
    const { series } = buildTrendSeries([row("P1", 0, new Date("2020-01-01T00:00:00Z"), 1)], weeks);
    expect(series[0]!.points.mttaSeconds).toEqual([null, null]);
  });
});
