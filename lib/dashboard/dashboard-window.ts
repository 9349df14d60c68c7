const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export type DashboardWindow = {
  /** Monday 00:00 UTC of the first week shown (inclusive). */
  from: Date;
  /** The moment the dashboard was computed (exclusive end). */
  to: Date;
  /** Start of each weekly bucket, oldest first; the last one holds `to`. */
  buckets: Date[];
};

/**
 * The last `weeks` calendar weeks (Monday to Monday, UTC) up to `now`. Buckets are whole weeks so that a
 * figure never moves because the page was opened on a Thursday rather than a Monday.
 */
export function dashboardWindow(now: Date, weeks: number): DashboardWindow {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  const thisMonday = midnight - sinceMonday * DAY_MS;
  const from = thisMonday - (weeks - 1) * WEEK_MS;
  return {
    from: new Date(from),
    to: now,
    buckets: Array.from({ length: weeks }, (_, index) => new Date(from + index * WEEK_MS)),
  };
}
