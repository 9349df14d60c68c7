import type { Metadata } from "next";
import Link from "next/link";
import { AttentionLists } from "@/components/dashboard/attention-lists";
import { BarChart } from "@/components/dashboard/bar-chart";
import { ResponseTimes } from "@/components/dashboard/response-times";
import { DrillCoverageCard } from "@/components/drills/drill-coverage-card";
import { ReadinessCard } from "@/components/kits/readiness-card";
import { OnCallCard } from "@/components/paging/on-call-card";
import { requirePageMember } from "@/lib/auth";
import { DASHBOARD_WEEKS, getDashboard, ZDashboardQuery } from "@/lib/dashboard";
import { listSeverityLevels } from "@/lib/incidents";
import { currentOnCall } from "@/lib/paging";

export const metadata: Metadata = { title: "Dashboard" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageMember("viewer");
  const { weeks: raw } = await searchParams;
  // A hand-edited ?weeks= falls back to the default period rather than failing the page.
  const parsed = ZDashboardQuery.safeParse({ weeks: typeof raw === "string" ? raw : undefined });
  const query = parsed.success ? parsed.data : { weeks: 12 };
  const [dashboard, levels, onCall] = await Promise.all([
    getDashboard({ now: new Date(), query }),
    listSeverityLevels(),
    currentOnCall(),
  ]);
  // Every level of the scheme gets a bar, zero included; severities no longer in the scheme still show.
  const counts = new Map(dashboard.open.map((row) => [row.severityName, row]));
  const bars = [
    ...levels.map((level) => ({
      label: level.name,
      value: counts.get(level.name)?.count ?? 0,
      color: level.color,
    })),
    ...dashboard.open
      .filter((row) => !levels.some((level) => level.name === row.severityName))
      .map((row) => ({ label: row.severityName, value: row.count, color: row.color })),
  ];
  const openTotal = dashboard.open.reduce((sum, row) => sum + row.count, 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <nav aria-label="Period" className="flex gap-1 text-sm">
          {DASHBOARD_WEEKS.map((option) => (
            <Link
              key={option}
              href={`/dashboard?weeks=${option}`}
              aria-current={option === dashboard.weeks ? "page" : undefined}
              className={`rounded px-2 py-1 ${option === dashboard.weeks ? "bg-zinc-700 font-semibold" : "bg-zinc-900 hover:bg-zinc-800"}`}
            >
              {option} weeks
            </Link>
          ))}
        </nav>
      </div>
      <section aria-labelledby="open-heading" className="rounded-md border border-zinc-800 p-3">
        <h2 id="open-heading" className="mb-2 font-semibold">
          Open incidents{" "}
          <span className="tabular-nums text-zinc-400" data-testid="open-total">
            {openTotal}
          </span>
        </h2>
        <BarChart id="chart-open-by-severity" title="Open incidents by severity" bars={bars} />
      </section>
      <OnCallCard onCall={onCall} />
      <ReadinessCard />
      <AttentionLists dashboard={dashboard} />
      <ResponseTimes
        dashboard={dashboard}
        colors={new Map(levels.map((level) => [level.name, level.color]))}
      />
      <DrillCoverageCard />
    </div>
  );
}
