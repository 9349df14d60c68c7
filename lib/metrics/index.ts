export { type Metrics, metrics } from "./registry";
export { renderMetrics } from "./render-metrics";
