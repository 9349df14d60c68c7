import type { ResponseTimes, ResponseTimesRow } from "./aggregate-response-times";

export const TREND_METRICS = [
  { key: "mttaSeconds", label: "MTTA", description: "declared → acknowledged" },
  { key: "mttrSeconds", label: "MTTR", description: "declared → resolved" },
  { key: "ttcSeconds", label: "Time to contain", description: "declared → first verified pause on chain" },
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number]["key"];

export type SeveritySummary = ResponseTimes & { severityName: string; severityRank: number; color: string };
export type TrendSeries = {
  severityName: string;
  color: string;
  /** One value per bucket of the window (null: no incident of that week reached that point). */
  points: Record<TrendMetric, (number | null)[]>;
};

/**
 * Turns the aggregation's rows into what the charts draw: a whole-window summary per severity, and per
 * severity one point per week of the window, weeks without incidents left as gaps (null), not zeros.
 */
export function buildTrendSeries(
  rows: ResponseTimesRow[],
  buckets: Date[],
): { summaries: SeveritySummary[]; series: TrendSeries[] } {
  const summaries: SeveritySummary[] = [];
  const series = new Map<string, TrendSeries>();
  const index = new Map(buckets.map((bucket, position) => [bucket.getTime(), position]));
  const empty = () => buckets.map(() => null);
  for (const row of rows) {
    let line = series.get(row.severityName);
    if (!line) {
      line = {
        severityName: row.severityName,
        color: row.color,
        points: { mttaSeconds: empty(), mttrSeconds: empty(), ttcSeconds: empty() },
      };
      series.set(row.severityName, line);
    }
    const { bucket, ...times } = row;
    if (bucket === null) {
      summaries.push(times);
      continue;
    }
    const position = index.get(bucket.getTime());
    if (position === undefined) continue;
    for (const metric of TREND_METRICS) line.points[metric.key][position] = row[metric.key];
  }
  const rank = new Map(summaries.map((summary) => [summary.severityName, summary.severityRank]));
  return {
    summaries,
    series: [...series.values()].sort(
      (a, b) => (rank.get(a.severityName) ?? 0) - (rank.get(b.severityName) ?? 0),
    ),
  };
}
