import type { Metadata } from "next";
import Link from "next/link";
import { DeclareButton } from "@/components/incidents/declare-button";
import { IncidentListLiveRefresh } from "@/components/incidents/live-refresh";
import { SeverityBadge, StatusPill } from "@/components/incidents/severity-badge";
import { UtcTime } from "@/components/incidents/utc-time";
import { hasRole, requirePageMember } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import {
  formatIncidentRef,
  INCIDENT_STATUSES,
  type IncidentPage,
  listIncidents,
  listSeverityLevels,
  ZListIncidentsQuery,
} from "@/lib/incidents";

export const metadata: Metadata = { title: "Incidents" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const FIELD = "rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm";

export default async function IncidentsPage({ searchParams }: { searchParams: SearchParams }) {
  const member = await requirePageMember("viewer");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) =>
      typeof value === "string" && value !== "" ? [[key, value]] : [],
    ),
  );
  const parsed = ZListIncidentsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : { limit: 25 };
  let page: IncidentPage = { incidents: [], nextCursor: null };
  let problem = parsed.success
    ? null
    : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  try {
    page = await listIncidents(query);
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const levels = await listSeverityLevels();
  const next = new URLSearchParams({ ...raw, cursor: page.nextCursor ?? "" });
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="flex items-baseline gap-3 text-2xl font-semibold">
          Incidents <IncidentListLiveRefresh />
        </h1>
        {hasRole(member.role, "responder") ? <DeclareButton /> : null}
      </div>
      <form className="flex flex-wrap items-end gap-2" aria-label="Filter incidents">
        <label className="text-xs text-zinc-400">
          Search title or ref
          <input
            name="q"
            defaultValue={raw.q ?? ""}
            className={`${FIELD} mt-1 block w-56`}
            placeholder="INC-42 or oracle"
          />
        </label>
        <label className="text-xs text-zinc-400">
          Status
          <select name="status" defaultValue={raw.status ?? ""} className={`${FIELD} mt-1 block`}>
            <option value="">Any</option>
            <option value="open">Open</option>
            {INCIDENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-zinc-400">
          Severity
          <select name="severity" defaultValue={raw.severity ?? ""} className={`${FIELD} mt-1 block`}>
            <option value="">Any</option>
            {levels.map((level) => (
              <option key={level.id}>{level.name}</option>
            ))}
          </select>
        </label>
        <label className="text-xs text-zinc-400">
          From
          <input type="date" name="from" defaultValue={raw.from ?? ""} className={`${FIELD} mt-1 block`} />
        </label>
        <label className="text-xs text-zinc-400">
          To
          <input type="date" name="to" defaultValue={raw.to ?? ""} className={`${FIELD} mt-1 block`} />
        </label>
        <button
          type="submit"
          className="rounded-md bg-zinc-800 px-3 py-1.5 text-sm font-semibold hover:bg-zinc-700"
        >
          Filter
        </button>
      </form>
      {problem ? (
        <p role="alert" className="text-sm text-red-400">
          {problem}
        </p>
      ) : null}
      {page.incidents.length === 0 ? (
        <p className="text-zinc-400">
          No incidents{Object.keys(raw).length ? " match these filters" : " yet"}.
        </p>
      ) : (
        <ul
          className="divide-y divide-zinc-800 rounded-md border border-zinc-800"
          data-testid="incident-list"
        >
          {page.incidents.map((incident) => {
            const ref = formatIncidentRef(incident.number);
            return (
              <li key={incident.id}>
                <Link
                  href={`/incidents/${ref}`}
                  className={`flex flex-wrap items-center gap-3 px-3 py-2.5 hover:bg-zinc-900 ${incident.resolvedAt ? "opacity-70" : ""}`}
                >
                  <span className="w-20 font-mono text-sm text-zinc-400">{ref}</span>
                  <SeverityBadge name={incident.severityName} color={incident.severityColor} />
                  <span className="min-w-0 flex-1 truncate font-medium">
                    {incident.isDrill ? <span className="mr-1 text-xs text-sky-300">[DRILL]</span> : null}
                    {incident.title}
                  </span>
                  <StatusPill status={incident.status} />
                  <span className="text-xs text-zinc-400">
                    <UtcTime at={incident.declaredAt} withDate />
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      {page.nextCursor ? (
        <Link href={`/incidents?${next}`} className="inline-block text-sm text-amber-300 underline">
          Older incidents →
        </Link>
      ) : null}
    </section>
  );
}
