export {
  aggregateResponseTimes,
  type ResponseTimes,
  type ResponseTimesRow,
} from "./aggregate-response-times";
export {
  buildTrendSeries,
  type SeveritySummary,
  TREND_METRICS,
  type TrendMetric,
  type TrendSeries,
} from "./build-trend-series";
export { axisTicks, niceCeiling, niceDurationCeiling } from "./chart-scale";
export { countOpenIncidentsBySeverity, type OpenBySeverity } from "./count-open-incidents";
export { type DashboardWindow, dashboardWindow, WEEK_MS } from "./dashboard-window";
export { type Dashboard, getDashboard } from "./get-dashboard";
export { listResponseBreaches, type ResponseBreach } from "./list-response-breaches";
export { DASHBOARD_WEEKS, type TDashboardQuery, ZDashboardQuery } from "./schemas";
