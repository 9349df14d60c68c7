import { listOverdueActionItems, listOverduePostMortems } from "../postmortems";
import { aggregateResponseTimes } from "./aggregate-response-times";
import { buildTrendSeries } from "./build-trend-series";
import { countOpenIncidentsBySeverity } from "./count-open-incidents";
import { dashboardWindow } from "./dashboard-window";
import { listResponseBreaches } from "./list-response-breaches";
import { type TDashboardQuery, ZDashboardQuery } from "./schemas";

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

/** Everything the dashboard shows, computed at one `now` so the figures agree with each other. */
export async function getDashboard(options: { now: Date; query?: TDashboardQuery }) {
  const { weeks } = ZDashboardQuery.parse(options.query ?? {});
  const window = dashboardWindow(options.now, weeks);
  const [open, breaches, overduePostMortems, overdueActionItems, rows] = await Promise.all([
    countOpenIncidentsBySeverity(),
    listResponseBreaches(options.now),
    listOverduePostMortems(options.now),
    listOverdueActionItems(options.now),
    aggregateResponseTimes(window),
  ]);
  return {
    weeks,
    window,
    open,
    breaches,
    overduePostMortems,
    overdueActionItems,
    ...buildTrendSeries(rows, window.buckets),
  };
}
