import pg from "pg";
import { seedBenchData } from "./seed-bench-data";
import { startBenchStack } from "./support/bench-stack";
import { findNextBuild, reportMissingBuild } from "./support/next-build";
import { type BenchOptions, type BenchResult, quantile, round } from "./types";

type Case = {
  name: string;
  /** Query string of GET /api/incidents. */
  query: string;
  /** The same page (limit + 1 rows, as the list reads one extra to know if there is a next page) in raw SQL. */
  sql: string;
  params: unknown[];
};

const LIMIT = 25;
const PAGE = `ORDER BY "declaredAt" DESC, id DESC LIMIT ${LIMIT + 1}`;

async function timed(runs: number, warmups: number, once: () => Promise<void>): Promise<number> {
  return (await timedTogether(runs, warmups, [once]))[0]!;
}

/**
 * p95 of each function, calling them in turn within every iteration: on a shared machine a burst of load
 * then weighs on the API and on its raw SQL baseline alike.
 */
async function timedTogether(runs: number, warmups: number, fns: (() => Promise<void>)[]): Promise<number[]> {
  for (let index = 0; index < warmups; index++) for (const fn of fns) await fn();
  const timings = fns.map(() => [] as number[]);
  for (let index = 0; index < runs; index++)
    for (const [position, fn] of fns.entries()) {
      const started = performance.now();
      await fn();
      timings[position]!.push(performance.now() - started);
    }
  return timings.map((values) => quantile(values, 0.95));
}

/** Four pages a responder asks for: the first, one deep in the history, a filtered one, a title search. */
async function cases(client: pg.Client, incidents: number): Promise<Case[]> {
  const deep = await client.query<{ declaredAt: Date; id: string }>(
    `SELECT "declaredAt", id FROM "Incident" WHERE "resolvedAt" IS NOT NULL ${PAGE.replace(/LIMIT \d+/, "")}
     OFFSET $1 LIMIT 1`,
    [Math.floor(incidents * 0.8)],
  );
  const { declaredAt, id } = deep.rows[0]!;
  // The list's own cursor format: [segment, declaredAt, id], base64url JSON.
  const cursor = Buffer.from(JSON.stringify(["resolved", declaredAt.toISOString(), id])).toString(
    "base64url",
  );
  return [
    {
      name: "first page",
      query: "",
      sql: `SELECT * FROM "Incident" WHERE "resolvedAt" IS NULL ${PAGE}`,
      params: [],
    },
    {
      name: "deep cursor page (80% down)",
      query: `cursor=${cursor}`,
      sql: `SELECT * FROM "Incident" WHERE "resolvedAt" IS NOT NULL AND "declaredAt" <= $1
              AND ("declaredAt" < $1 OR ("declaredAt" = $1 AND id < $2)) ${PAGE}`,
      params: [declaredAt, id],
    },
    {
      name: "filtered page (resolved P2)",
      query: "status=resolved&severity=P2",
      sql: `SELECT * FROM "Incident" WHERE status = 'resolved' AND "severityName" = 'P2' ${PAGE}`,
      params: [],
    },
    {
      name: "title search ('bridge attestation')",
      query: "q=bridge%20attestation",
      sql: `SELECT * FROM "Incident" WHERE title ILIKE '%bridge attestation%' ${PAGE}`,
      params: [],
    },
  ];
}

/**
 * Incident list API p95 (GET /api/incidents through `next start`: HTTP, session check, query, JSON) against
 * the same page fetched with raw SQL through `pg` on the same machine in the same run. Sequential requests:
 * the latency one responder sees. Targets (issue 8): p95 <= 3x raw SQL and <= 50 ms at 100,000 incidents and
 * 1,000,000 timeline events.
 */
export async function benchListApi({ quick }: BenchOptions): Promise<BenchResult[]> {
  if (!findNextBuild()) return reportMissingBuild("list-api");
  const counts = quick ? { incidents: 2_000, events: 20_000 } : { incidents: 100_000, events: 1_000_000 };
  const runs = quick ? 30 : 200;
  const warmups = quick ? 5 : 20;
  const scale = `${counts.incidents / 1000}k incidents/${counts.events / 1000}k events`;
  const stack = await startBenchStack({ seed: (url) => seedBenchData(url, counts) });
  const client = new pg.Client(stack.databaseUrl);
  await client.connect();
  try {
    // What any request costs before it reads anything: the same route refusing an unauthenticated call.
    const floor = await timed(runs, warmups, async () => {
      const response = await fetch(`${stack.baseURL}/api/incidents`);
      await response.text();
      if (response.status !== 401) throw new Error(`unauthenticated list: ${response.status}`);
    });
    const results: BenchResult[] = [
      {
        name: "HTTP floor p95: the same route answering 401 (no query)",
        value: round(floor, 2),
        unit: "ms",
        target: "(info)",
      },
    ];
    for (const page of await cases(client, counts.incidents)) {
      const url = `${stack.baseURL}/api/incidents${page.query ? `?${page.query}` : ""}`;
      const [api, sql] = (await timedTogether(runs, warmups, [
        async () => {
          const response = await fetch(url, { headers: { cookie: stack.cookie } });
          const body = (await response.json()) as { incidents: unknown[] };
          if (response.status !== 200 || body.incidents.length === 0)
            throw new Error(`list API ${page.name}: ${response.status}`);
        },
        async () => {
          const { rows } = await client.query(page.sql, page.params);
          if (rows.length === 0) throw new Error(`raw SQL ${page.name}: no rows`);
        },
      ])) as [number, number];
      results.push({
        name: `list API p95, ${page.name} (${scale})`,
        value: round(api, 2),
        unit: "ms",
        target: "<= 3x raw SQL and <= 50",
        baseline: { name: "raw SQL via pg", value: round(sql, 2) },
        isMet: api <= 50 && api <= 3 * sql,
      });
    }
    return results;
  } finally {
    await client.end();
    await stack.stop();
  }
}
