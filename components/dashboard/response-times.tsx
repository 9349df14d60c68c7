import { type Dashboard, TREND_METRICS } from "@/lib/dashboard";
import { formatShortDuration } from "@/lib/time";
import { LINE_DASHES, LineChart } from "./line-chart";

const cell = (seconds: number | null, count: number) =>
  seconds === null ? "—" : `${formatShortDuration(seconds)} (${count})`;

/** MTTA, MTTR and time to contain per severity: a table for the whole period, a chart per figure by week. */
export function ResponseTimes(props: { dashboard: Dashboard; colors: Map<string, string> }) {
  const { summaries, series, window, weeks } = props.dashboard;
  // The scheme's current colour where the level still exists, else the colour the incidents were declared with.
  const colorOf = (name: string, declared: string) => props.colors.get(name) ?? declared;
  return (
    <section aria-labelledby="response-times-heading" className="space-y-4">
      <h2 id="response-times-heading" className="text-lg font-semibold">
        Response times, last {weeks} weeks
      </h2>
      {summaries.length === 0 ? (
        <p className="text-sm text-zinc-400">No incidents declared in this period.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="response-summary">
            <caption className="pb-2 text-left text-xs text-zinc-400">
              Averages per severity (number of incidents that reached that point); drills are not counted.
            </caption>
            <thead className="text-left text-xs text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-4">
                  Severity
                </th>
                <th scope="col" className="py-1 pr-4">
                  Declared
                </th>
                {TREND_METRICS.map((metric) => (
                  <th key={metric.key} scope="col" className="py-1 pr-4" title={metric.description}>
                    {metric.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {summaries.map((row) => (
                <tr key={row.severityName} className="border-t border-zinc-800">
                  <th scope="row" className="py-1 pr-4 text-left">
                    <span
                      className="mr-2 inline-block h-2.5 w-2.5 rounded-sm"
                      style={{ backgroundColor: row.color }}
                    />
                    {row.severityName}
                  </th>
                  <td className="py-1 pr-4">{row.declared}</td>
                  <td className="py-1 pr-4">{cell(row.mttaSeconds, row.acknowledged)}</td>
                  <td className="py-1 pr-4">{cell(row.mttrSeconds, row.resolved)}</td>
                  <td className="py-1 pr-4">{cell(row.ttcSeconds, row.contained)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2 2xl:grid-cols-3">
        {TREND_METRICS.map((metric) => (
          <figure key={metric.key} className="rounded-md border border-zinc-800 p-3">
            <figcaption className="mb-1 text-sm font-semibold">
              {metric.label}{" "}
              <span className="font-normal text-zinc-400">({metric.description}), by week declared</span>
            </figcaption>
            <LineChart
              id={`chart-${metric.key}`}
              title={`${metric.label} per severity by week`}
              weeks={window.buckets}
              lines={series.map((line) => ({
                label: line.severityName,
                color: colorOf(line.severityName, line.color),
                points: line.points[metric.key],
              }))}
            />
            <ul className="mt-1 flex flex-wrap gap-3 text-xs text-zinc-300" aria-hidden="true">
              {series.map((line, index) => (
                <li key={line.severityName} className="flex items-center gap-1">
                  <svg width="22" height="8" aria-hidden="true">
                    <line
                      x1="0"
                      x2="22"
                      y1="4"
                      y2="4"
                      stroke={colorOf(line.severityName, line.color)}
                      strokeWidth="2.5"
                      strokeDasharray={LINE_DASHES[index % LINE_DASHES.length]}
                    />
                  </svg>
                  {line.severityName}
                </li>
              ))}
            </ul>
          </figure>
        ))}
      </div>
    </section>
  );
}
