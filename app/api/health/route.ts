import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 when the console can serve (even with a chain down: degraded mode), 503 when the database is down. */
export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, {
    status: health.database === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
