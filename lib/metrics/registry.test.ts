import { describe, expect, it } from "vitest";
import { metrics } from "./registry";

describe("metrics", () => {
  it("renders observed request latencies in Prometheus text format", async () => {
    metrics().httpDuration.observe({ route: "/api/health", method: "GET", status: "200" }, 0.012);
    const text = await metrics().registry.metrics();
    expect(text).toContain(
      'breakglass_http_request_duration_seconds_bucket{le="0.025",app="breakglass",route="/api/health",method="GET",status="200"} 1',
    );
    expect(text).toContain("# TYPE breakglass_sse_clients gauge");
  });
});
