import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DrillBanner } from "@/components/drills/drill-banner";
import { CommsComposer } from "@/components/incidents/comms-composer";
import { pinnedIds } from "@/components/incidents/describe-event";
import { IncidentControls } from "@/components/incidents/incident-controls";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { MarkdownNote } from "@/components/incidents/markdown-note";
import { ResponseTimers } from "@/components/incidents/response-timer";
import { SeverityBadge, StatusPill } from "@/components/incidents/severity-badge";
import { UtcTime } from "@/components/incidents/utc-time";
import { IncidentKitsCard } from "@/components/kits/incident-kits-card";
import { IncidentRunbooksPanel } from "@/components/runbooks/incident-runbooks-panel";
import { IncidentSafePanel } from "@/components/safe/incident-safe-panel";
import { hasRole, requirePageMember } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import {
  formatIncidentRef,
  getIncidentByRef,
  INCIDENT_PHASES,
  listTimelineEvents,
  toApiEvent,
} from "@/lib/incidents";
import { timelineResumeBound } from "@/lib/live";
import { listMembers } from "@/lib/members";
import { listProposalInfo } from "@/lib/safe";
import { formatDuration } from "@/lib/time";
import { TIMELINE_EVENT_KINDS } from "@/lib/timeline";

export const dynamic = "force-dynamic";

/**
 * Events sent with the page: a screenful and more (the virtualised list shows about twenty). Older ones load
 * when someone scrolls to them or filters the timeline, never while the page loads: 200 sent with the page
 * made a busy incident's HTML 136 KB and cost its Lighthouse score ~15 points on this machine. Pins of older
 * events come with the page, so the pinned strip is complete from the start.
 */
const INITIAL_TIMELINE_EVENTS = 30;
const LIFECYCLE_KINDS = TIMELINE_EVENT_KINDS.filter((kind) => kind.startsWith("incident."));
const PIN_KINDS = ["event.pinned", "event.unpinned"];

type Params = Promise<{ ref: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).ref.toUpperCase() };
}

async function load(ref: string) {
  try {
    return await getIncidentByRef(ref);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function IncidentPage({ params }: { params: Params }) {
  const member = await requirePageMember("viewer");
  // The live stream resumes from this bound, so an event still being written while the page renders (a lower
  // id committing after a higher one) reaches the page too. It must be taken before the events are read; an
  // earlier one is only more cautious, so it is read alongside the incident, not in a round trip of its own.
  const [incident, resumeTxid] = await Promise.all([load((await params).ref), timelineResumeBound()]);
  const ref = formatIncidentRef(incident.number);
  // A long timeline is not sent whole with the page (10,000 events are megabytes to render and parse): the
  // newest ones are, the timeline loads the older ones after it is on screen. Lifecycle events, which the
  // comms templates need, are few and read separately.
  const [recent, lifecycle, pins, members, proposals] = await Promise.all([
    listTimelineEvents({ incidentId: incident.id, newest: true, limit: INITIAL_TIMELINE_EVENTS + 1 }),
    listTimelineEvents({ incidentId: incident.id, kinds: LIFECYCLE_KINDS }),
    listTimelineEvents({ incidentId: incident.id, kinds: PIN_KINDS }),
    listMembers(),
    listProposalInfo(incident.id),
  ]);
  const hasOlderEvents = recent.length > INITIAL_TIMELINE_EVENTS;
  const window = hasOlderEvents ? recent.slice(1) : recent;
  const windowStartId = window[0]?.id ?? 0;
  // Pins (and what they pin) from before the window: the pinned strip is whole without the history.
  const olderPins = pins.filter((event) => event.id < windowStartId);
  const pinnedBefore = [...pinnedIds(pins.map(toApiEvent))].filter((id) => id < windowStartId);
  const pinnedTargets = pinnedBefore.length
    ? await listTimelineEvents({ incidentId: incident.id, ids: [...pinnedBefore] })
    : [];
  const items = [...pinnedTargets, ...olderPins, ...window]
    .sort((a, b) => a.id - b.id)
    .filter((event, index, sorted) => index === 0 || sorted[index - 1]!.id !== event.id)
    .map(toApiEvent);
  // Notes are rendered here, so the browser needs no Markdown parser for the events the page comes with.
  const renderedNotes = Object.fromEntries(
    items.flatMap((event) =>
      typeof event.payload.markdown === "string"
        ? [[event.id, <MarkdownNote key={event.id} markdown={event.payload.markdown} />]]
        : [],
    ),
  );
  const canRespond = hasRole(member.role, "responder");
  const canCommand = hasRole(member.role, "commander");
  const nameOf = (id: string | null) => members.find((m) => m.id === id)?.displayName ?? "—";
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const stamps: [string, Date | null][] = [
    ["Declared", incident.declaredAt],
    ["Acknowledged", incident.acknowledgedAt],
    ["Contained", incident.containedAt],
    ["Resolved", incident.resolvedAt],
  ];
  return (
    <article className="space-y-5">
      {incident.isDrill ? <DrillBanner incidentId={incident.id} /> : null}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-zinc-400">{ref}</span>
          <SeverityBadge name={incident.severityName} color={incident.severityColor} />
          <StatusPill status={incident.status} />
          <span
            className="rounded bg-zinc-800 px-2 py-0.5 text-xs font-semibold tracking-wide"
            data-testid="incident-phase"
          >
            {incident.phase.toUpperCase()}
          </span>
          {incident.isDrill ? <span className="text-xs font-bold text-sky-300">DRILL</span> : null}
        </div>
        <h1 className="text-2xl font-semibold break-words">{incident.title}</h1>
        {incident.impact ? <p className="text-zinc-300">Impact: {incident.impact}</p> : null}
        <dl className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
          {stamps.map(([label, at]) => (
            <div key={label} className="flex gap-1">
              <dt className="text-zinc-400">{label}</dt>
              <dd data-testid={`stamp-${label.toLowerCase()}`}>{at ? <UtcTime at={at} withDate /> : "—"}</dd>
            </div>
          ))}
          <div className="flex gap-1">
            <dt className="text-zinc-400">Time to contain</dt>
            <dd data-testid="time-to-contain">
              {incident.containedAt
                ? formatDuration(incident.containedAt.getTime() - incident.declaredAt.getTime())
                : "not contained yet"}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-zinc-400">Commander</dt>
            <dd>{nameOf(incident.commanderId)}</dd>
          </div>
        </dl>
        {incident.resolvedAt ? (
          <Link
            href={`/incidents/${ref}/postmortem`}
            className="inline-block font-semibold text-amber-300 underline"
          >
            Post-mortem →
          </Link>
        ) : null}
      </header>
      <ResponseTimers
        declaredAt={incident.declaredAt.toISOString()}
        acknowledgedAt={iso(incident.acknowledgedAt)}
        responseTargetSeconds={incident.responseTargetSeconds}
        nextUpdateDueAt={iso(incident.nextUpdateDueAt)}
        isResolved={incident.resolvedAt !== null}
        renderedAt={new Date().toISOString()}
      />
      <IncidentControls
        incidentRef={ref}
        status={incident.status}
        phase={incident.phase}
        phases={INCIDENT_PHASES}
        isAcknowledged={incident.acknowledgedAt !== null}
        isContained={incident.containedAt !== null}
        isResolved={incident.resolvedAt !== null}
        canRespond={canRespond}
        canCommand={canCommand}
        roles={{
          commander: incident.commanderId,
          comms_lead: incident.commsLeadId,
          scribe: incident.scribeId,
        }}
        members={members.map((m) => ({ id: m.id, name: m.displayName, role: m.role }))}
      />
      {/* A war room's layout: the timeline where a commander looks first (beside the header on a wide
          screen); runbooks, the Safe panel and comms in the second column, however long they are. On a
          phone that column comes after the timeline, below the first screen: content-visibility lets the
          browser skip its layout and paint until it nears the viewport (about 4 Lighthouse points on this
          machine, interleaved runs), and script still reads its layout when it asks. */}
      <div className="grid gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          <IncidentTimeline
            incidentRef={ref}
            initialEvents={items}
            hasOlderEvents={hasOlderEvents}
            windowStartId={windowStartId}
            renderedNotes={renderedNotes}
            resumeTxid={resumeTxid}
            proposals={proposals}
            canAct={canRespond}
          />
        </div>
        <div className="min-w-0 space-y-6 [contain-intrinsic-size:auto_1200px] [content-visibility:auto] lg:col-span-2">
          {canRespond && !incident.isDrill && !incident.containedAt && !incident.resolvedAt ? (
            <IncidentKitsCard incidentRef={ref} />
          ) : null}
          <IncidentRunbooksPanel
            incidentId={incident.id}
            incidentRef={ref}
            canAct={canRespond}
            canCommand={canCommand}
          />
          <CommsComposer
            incidentRef={ref}
            canAct={canRespond}
            incident={{
              title: incident.title,
              severityName: incident.severityName,
              status: incident.status,
              impact: incident.impact,
              detectedVia: incident.detectedVia,
              declaredAt: incident.declaredAt.toISOString(),
              resolvedAt: iso(incident.resolvedAt),
              updateCadenceSeconds: incident.updateCadenceSeconds,
            }}
            events={lifecycle
              .map(toApiEvent)
              .map(({ kind, payload, createdAt }) => ({ kind, payload, createdAt }))}
          />
          <IncidentSafePanel incidentId={incident.id} incidentRef={ref} canAct={canRespond} />
        </div>
      </div>
    </article>
  );
}
