"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { type ApiError, apiFetch, toApiError } from "@/components/ui/api-client";
import { Button } from "@/components/ui/button";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import type { DescribeContext, ProposalInfo } from "@/lib/timeline/browser";
import { KIND_FILTERS, pinnedIds, type TimelineItem } from "./describe-event";
import { TimelineEntry } from "./timeline-entry";

// Only long timelines need the virtualiser: it loads when one is shown.
const VirtualTimelineList = dynamic(() =>
  import("./virtual-timeline-list").then((module) => module.VirtualTimelineList),
);

/**
 * Up to this many rows are rendered plainly (every row in the DOM: find-in-page works); above it the list is
 * virtualised, so a 10,000-event timeline renders as fast as a short one.
 */
const VIRTUALIZE_ABOVE = 100;

/** Kinds that change nothing but the timeline itself: no need to refresh the rest of the page. */
const TIMELINE_ONLY = new Set(["note.added", "event.pinned", "event.unpinned", "event.corrected"]);

function merge(current: Map<number, TimelineItem>, events: TimelineItem[]): Map<number, TimelineItem> {
  if (events.every((event) => current.has(event.id))) return current;
  const next = new Map(current);
  for (const event of events) next.set(event.id, event);
  return next;
}

/**
 * The live timeline: server-rendered events, then Server-Sent Events after the last of them. EventSource
 * reconnects by itself with Last-Event-ID, and the server resumes from there; events are keyed by id, so a
 * repeat is harmless. Other events refresh the server-rendered parts of the page (status, roles, panels).
 */
export function IncidentTimeline(props: {
  incidentRef: string;
  initialEvents: TimelineItem[];
  /**
   * The page sent only the newest events: the older ones are fetched here when someone scrolls to the end,
   * filters, or asks for them (not while the page loads).
   */
  hasOlderEvents?: boolean;
  /** The oldest event of that newest window (older pinned events may come with the page too). */
  windowStartId?: number;
  /** Notes of `initialEvents` rendered by the server, by event id (see TimelineEntry). */
  renderedNotes?: Record<number, ReactNode>;
  /** The oldest transaction running when the page read its events: the stream re-reads from there too. */
  resumeTxid?: string;
  /** The incident's proposals (title, Safe, explorer), so events name and link them. */
  proposals?: Record<string, ProposalInfo>;
  canAct: boolean;
}) {
  const router = useRouter();
  const [events, setEvents] = useState(() => merge(new Map(), props.initialEvents));
  const [filter, setFilter] = useState("all");
  const [isLive, setIsLive] = useState(false);
  const [note, setNote] = useState("");
  useTypedBeforeHydration("note-input", setNote);
  const [error, setError] = useState<ApiError | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const startAfter = useRef(Math.max(0, ...props.initialEvents.map((event) => event.id)));
  // Both from the first render: a refresh re-renders the page with newer values, but the stream resumes itself.
  const resumeTxid = useRef(props.resumeTxid);
  const [isLoadingHistory, setIsLoadingHistory] = useState(false);
  const [hasHistory, setHasHistory] = useState(props.hasOlderEvents !== true);
  const isHistoryRequested = useRef(false);
  const oldestInitialId = useRef(
    props.windowStartId ?? Math.min(...props.initialEvents.map((event) => event.id)),
  );

  useEffect(() => setEvents((current) => merge(current, props.initialEvents)), [props.initialEvents]);
  // For real-user and benchmark timing: when the timeline became interactive, from navigation start.
  useEffect(() => void performance.mark?.("breakglass:timeline-hydrated"), []);

  const isMounted = useRef(true);
  useEffect(() => {
    isMounted.current = true;
    return () => {
      isMounted.current = false;
    };
  }, []);
  // Once, on demand: oldest first, in the API's pages, up to the events the page came with; corrections of
  // old events apply as they arrive.
  const loadHistory = useCallback(() => {
    if (isHistoryRequested.current || !props.hasOlderEvents) return;
    isHistoryRequested.current = true;
    setIsLoadingHistory(true);
    (async () => {
      let after = 0;
      while (isMounted.current && after < oldestInitialId.current - 1) {
        const { events: page } = await apiFetch<{ events: TimelineItem[] }>(
          `/api/incidents/${props.incidentRef}/events?after=${after}`,
        );
        const older = page.filter((event) => event.id < oldestInitialId.current);
        if (older.length > 0) setEvents((current) => merge(current, older));
        if (page.length === 0 || older.length < page.length) break;
        after = page.at(-1)!.id;
      }
    })()
      .then(() => {
        if (isMounted.current) setHasHistory(true);
      })
      .catch((cause: unknown) => {
        // A later scroll or filter may try again.
        isHistoryRequested.current = false;
        if (isMounted.current) setError(toApiError(cause));
      })
      .finally(() => {
        if (isMounted.current) setIsLoadingHistory(false);
      });
  }, [props.incidentRef, props.hasOlderEvents]);
  // A filter is over the whole history.
  useEffect(() => {
    if (filter !== "all") loadHistory();
  }, [filter, loadHistory]);

  useEffect(() => {
    const after = resumeTxid.current
      ? `${startAfter.current}-${resumeTxid.current}`
      : String(startAfter.current);
    const source = new EventSource(`/api/incidents/${props.incidentRef}/stream?after=${after}`);
    let refresh: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setIsLive(true);
    source.onerror = () => setIsLive(false);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as TimelineItem;
      setEvents((current) => merge(current, [event]));
      if (!TIMELINE_ONLY.has(event.kind)) {
        clearTimeout(refresh);
        refresh = setTimeout(() => router.refresh(), 150);
      }
    };
    return () => {
      clearTimeout(refresh);
      source.close();
    };
  }, [props.incidentRef, router]);

  async function post(entry: Record<string, unknown>): Promise<boolean> {
    setError(null);
    try {
      const { event } = await apiFetch<{ event: TimelineItem }>(
        `/api/incidents/${props.incidentRef}/events`,
        {
          method: "POST",
          json: entry,
        },
      );
      setEvents((current) => merge(current, [event]));
      return true;
    } catch (cause) {
      setError(toApiError(cause));
      return false;
    }
  }

  async function addNote() {
    setIsSaving(true);
    if (await post({ kind: "note.added", markdown: note })) setNote("");
    setIsSaving(false);
  }

  const all = useMemo(() => [...events.values()].sort((a, b) => a.id - b.id), [events]);
  const context = useMemo((): DescribeContext => {
    const proposals = new Map(Object.entries(props.proposals ?? {}));
    // A proposal made after the page loaded is named by its own proposal.created event.
    for (const event of all)
      if (event.kind === "proposal.created" && !proposals.has(String(event.payload.proposalId)))
        proposals.set(String(event.payload.proposalId), {
          title: String(event.payload.title),
          safeLabel: String(event.payload.safeLabel),
          explorerUrl: null,
        });
    return { proposals, isBodyShownApart: true };
  }, [all, props.proposals]);
  const pinned = pinnedIds(all);
  const correctedBy = new Map(all.filter((e) => e.correctsId).map((e) => [e.correctsId!, e.id]));
  const match = KIND_FILTERS.find((f) => f.id === filter)?.match ?? (() => true);
  const shown = all.filter((event) => match(event.kind)).reverse();
  const pinnedEvents = all.filter((event) => pinned.has(event.id));
  const entryProps = (event: TimelineItem) => ({
    event,
    context,
    isPinned: pinned.has(event.id),
    correctedById: correctedBy.get(event.id) ?? null,
    canAct: props.canAct,
    onPost: post,
    renderedMarkdown: props.renderedNotes?.[event.id],
  });

  return (
    <section aria-labelledby="timeline-heading" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Timeline
        </h2>
        <span
          data-testid="live-indicator"
          data-live={isLive}
          className={`text-xs ${isLive ? "text-emerald-400" : "text-zinc-500"}`}
        >
          {isLive ? "● live" : "○ connecting…"}
        </span>
        {isLoadingHistory ? (
          <span className="text-xs text-zinc-500" data-testid="timeline-history" role="status">
            loading older events…
          </span>
        ) : null}
        <label className="ml-auto text-xs text-zinc-400">
          Show{" "}
          <select
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className="rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-sm text-zinc-100"
          >
            {KIND_FILTERS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.canAct ? (
        <div className="space-y-2">
          <label className="block text-sm" htmlFor="note-input">
            Add a note <span className="text-zinc-500">(Markdown)</span>
          </label>
          <textarea
            id="note-input"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void addNote();
            }}
            rows={3}
            className="w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1.5 text-sm"
            placeholder="What did you see or do? Ctrl+Enter to add."
          />
          {error?.fieldMessage("markdown") ? (
            <p className="text-xs text-red-400">{error.fieldMessage("markdown")}</p>
          ) : error ? (
            <p role="alert" className="text-xs text-red-400">
              {error.message}
            </p>
          ) : null}
          <Button onClick={addNote} disabled={isSaving || note.trim() === ""}>
            Add note
          </Button>
        </div>
      ) : null}
      {pinnedEvents.length > 0 ? (
        <div
          className="rounded-md border border-amber-700/60 bg-amber-950/20 p-2"
          data-testid="pinned-events"
        >
          <h3 className="mb-1 text-xs font-semibold tracking-wide text-amber-300 uppercase">Pinned</h3>
          <ol className="space-y-1">
            {pinnedEvents.map((event) => (
              <TimelineEntry key={event.id} {...entryProps(event)} isCompact />
            ))}
          </ol>
        </div>
      ) : null}
      {/* A timeline with history still to load is long: virtualised from the start, so it does not swap
          lists (and move the page) when the history arrives. */}
      {props.hasOlderEvents || shown.length > VIRTUALIZE_ABOVE ? (
        <>
          <VirtualTimelineList events={shown} entryProps={entryProps} onNearEnd={loadHistory} />
          {!hasHistory && !isLoadingHistory ? (
            <Button variant="ghost" onClick={loadHistory} className="text-xs" data-testid="load-history">
              Show earlier events
            </Button>
          ) : null}
        </>
      ) : (
        <ol className="space-y-1" data-testid="timeline">
          {shown.map((event) => (
            <TimelineEntry key={event.id} {...entryProps(event)} />
          ))}
        </ol>
      )}
    </section>
  );
}
