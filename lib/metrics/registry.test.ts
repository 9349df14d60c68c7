import { describe, expect, it } from "vitest";
import { metrics, routeLabel } from "./registry";

describe("metrics", () => {
  it("folds ids out of route labels", () => {
    expect(routeLabel("/api/v1/incidents/INC-42/events")).toBe("/api/v1/incidents/:ref/events");
    expect(routeLabel("/api/proposals/cmabcdefghijklmnopqrstuv/signatures")).toBe(
      "/api/proposals/:id/signatures",
    );
    expect(routeLabel("/api/rpc/31337")).toBe("/api/rpc/:id");
  });

  it("renders observed request latencies in Prometheus text format", async () => {
    metrics().httpDuration.observe({ route: "/api/health", method: "GET", status: "200" }, 0.012);
    const text = await metrics().registry.metrics();
    expect(text).toContain(
      'breakglass_http_request_duration_seconds_bucket{le="0.025",app="breakglass",route="/api/health",method="GET",status="200"} 1',
    );
    expect(text).toContain("# TYPE breakglass_sse_clients gauge");
  });
});
