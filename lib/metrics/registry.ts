import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The console's own metrics. Next bundles route handlers separately, so the registry lives on globalThis:
 * every bundle in one server process must count into the same registry.
 */
function createMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "breakglass" });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "breakglass_http_request_duration_seconds",
      help: "API request latency by route, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    sseClients: new Gauge({
      name: "breakglass_sse_clients",
      help: "Open live timeline streams",
      registers: [registry],
    }),
    alertsIngested: new Counter({
      name: "breakglass_alerts_ingested_total",
      help: "Alerts received, by source kind and outcome",
      labelNames: ["kind", "outcome"] as const,
      registers: [registry],
    }),
    watchRpcCalls: new Counter({
      name: "breakglass_watch_rpc_calls_total",
      help: "JSON-RPC requests made by this instance's chain watchers, by chain and method",
      labelNames: ["chain", "method"] as const,
      registers: [registry],
    }),
    watchEvents: new Counter({
      name: "breakglass_watch_events_total",
      help: "Chain events recorded (or retracted after a reorg) by this instance's chain watchers",
      labelNames: ["chain", "outcome"] as const,
      registers: [registry],
    }),
    notificationAttempts: new Counter({
      name: "breakglass_notification_attempts_total",
      help: "Outgoing notification delivery attempts, by result (delivered, retry, dead)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const holder = globalThis as unknown as { breakglassMetrics?: Metrics };

export function metrics(): Metrics {
  holder.breakglassMetrics ??= createMetrics();
  return holder.breakglassMetrics;
}
