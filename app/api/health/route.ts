import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";
import { route } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

/**
 * Public on purpose (load balancers probe it). 200 when the console can serve (even with a chain down:
 * degraded mode), 503 when the database is down.
 */
export const GET = route({ role: "public" }, async () => {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
