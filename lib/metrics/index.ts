export { type Metrics, metrics, routeLabel } from "./registry";
export { renderMetrics } from "./render-metrics";
