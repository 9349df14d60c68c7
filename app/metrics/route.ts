import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint. With BREAKGLASS_METRICS_TOKEN set, scrapers must send it as a bearer token. */
export async function GET(request: Request) {
  const token = env().BREAKGLASS_METRICS_TOKEN;
  if (token) {
    const given = Buffer.from(request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "");
    const expected = Buffer.from(token);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return new Response("unauthorized\n", { status: 401 });
    }
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
