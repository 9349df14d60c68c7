import type { TimelineEvent } from "../db/generated/client";
import { AppError } from "../errors";
import { INT4_MAX } from "../http/input-fields";
import { readTimelineSince } from "./read-timeline-since";
import { openSseChannel, type SseChannel, type StreamAccess } from "./sse-channel";
import type { TimelineHub } from "./timeline-hub";

/** Where a timeline stream resumes: after an event id, and with the transactions still running back then. */
export type ResumePoint = { lastEventId: number; txidFrom: string | null };

/**
 * `Last-Event-ID` (EventSource sends back the last `id:` it saw, which this stream writes as
 * "<event id>-<txid bound>") or `?after=` (the page: the newest event it rendered, and its own bound).
 */
export function resumePointFrom(request: Request): ResumePoint {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const match = /^(\d{1,15})(?:-(\d{1,20}))?$/.exec(raw.trim());
  if (!match) return { lastEventId: 0, txidFrom: null };
  const lastEventId = Number(match[1]);
  // Event ids are PostgreSQL integers: a larger one reached the query and answered 500.
  if (lastEventId > INT4_MAX) {
    const field = request.headers.get("last-event-id") === null ? "after" : "Last-Event-ID";
    throw new AppError("UNPROCESSABLE", `${field}: must be at most ${INT4_MAX}`, {
      fields: [{ path: field, message: `must be at most ${INT4_MAX}` }],
    });
  }
  // A transaction id beyond xid8's range is not one the stream gave out: resume without it (a full re-read).
  const txid = match[2] ?? null;
  return { lastEventId, txidFrom: txid !== null && BigInt(txid) < 2n ** 63n ? txid : null };
}

/** How long after a live event the stream re-reads (and moves its resume point past that event). */
const REREAD_AFTER_MS = 1_000;

/**
 * The SSE stream of one incident's timeline. It subscribes to the hub first and waits until LISTEN is
 * active, then reads what the client may not have (readTimelineSince), then sends the live ones, buffered
 * meanwhile and de-duplicated by id: nothing committed after the connect can fall between the two. Each
 * message's `id:` is the resume point (newest id sent, and the oldest transaction still running at the last
 * read), so the browser's automatic reconnect resumes without losing an event that committed out of id
 * order. A read follows shortly after live events to move that point on, and an `id:`-only line tells the
 * browser.
 */
export function createIncidentEventStream(options: {
  hub: TimelineHub;
  incidentId: string;
  /** What each message carries: the route passes the API's event shape (lib/live knows no domain's format). */
  serialize: (event: TimelineEvent) => unknown;
  lastEventId: number;
  txidFrom?: string | null;
  signal?: AbortSignal;
  heartbeatMs?: number;
  access?: StreamAccess;
}): ReadableStream<Uint8Array> {
  let channel: SseChannel | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const sse = openSseChannel(controller, options);
      channel = sse;
      let lastSentId = options.lastEventId;
      let txidFrom = options.txidFrom ?? null;
      let advertised = "";
      const sentIds = new Set<number>();
      let buffer: TimelineEvent[] | null = [];
      let reread: ReturnType<typeof setTimeout> | undefined;
      const resumeId = () => (txidFrom === null ? String(lastSentId) : `${lastSentId}-${txidFrom}`);
      const send = (event: TimelineEvent) => {
        if (sentIds.has(event.id)) return;
        sentIds.add(event.id);
        lastSentId = Math.max(lastSentId, event.id);
        advertised = resumeId();
        sse.write(`id: ${advertised}\ndata: ${JSON.stringify(options.serialize(event))}\n\n`);
      };
      // One read at a time (the first one, the re-read after live events and a hub resync can overlap): each
      // starts from where the previous one left off.
      let reading = Promise.resolve();
      const read = () => {
        reading = reading.then(readOnce);
        return reading;
      };
      const readOnce = async () => {
        buffer ??= [];
        try {
          const since = await readTimelineSince({
            incidentId: options.incidentId,
            afterId: lastSentId,
            txidFrom,
          });
          for (const event of since.events) send(event);
          txidFrom = since.snapshotXmin;
        } catch {
          // The database is unreachable: close, and the browser reconnects with its Last-Event-ID.
          sse.close();
          return;
        }
        const pending = buffer ?? [];
        buffer = null;
        for (const event of pending.sort((a, b) => a.id - b.id)) send(event);
        if (resumeId() !== advertised) {
          advertised = resumeId();
          sse.write(`id: ${advertised}\n\n`);
        }
      };
      sse.onClose(
        options.hub.subscribe({
          incidentId: options.incidentId,
          onEvent: (event) => {
            if (buffer) return void buffer.push(event);
            send(event);
            clearTimeout(reread);
            reread = setTimeout(() => void read(), REREAD_AFTER_MS);
          },
          onResync: () => void read(),
        }),
      );
      sse.onClose(() => clearTimeout(reread));
      try {
        await options.hub.ready();
      } catch {
        sse.close();
        return;
      }
      await read();
    },
    cancel() {
      channel?.close();
    },
  });
}

/**
 * The incident list's stream: one message per lifecycle event of any incident, so the list refreshes when
 * an incident is declared or changes status elsewhere. No resume: a reconnecting list simply refreshes.
 */
export function createIncidentListStream(options: {
  hub: TimelineHub;
  signal?: AbortSignal;
  heartbeatMs?: number;
  access?: StreamAccess;
}): ReadableStream<Uint8Array> {
  let channel: SseChannel | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const sse = openSseChannel(controller, options);
      channel = sse;
      sse.onClose(
        options.hub.subscribe({
          incidentId: "*",
          onEvent: (event) => {
            if (!event.kind.startsWith("incident.")) return;
            sse.write(
              `data: ${JSON.stringify({ id: event.id, incidentId: event.incidentId, kind: event.kind })}\n\n`,
            );
          },
          onResync: () => sse.write(`data: ${JSON.stringify({ kind: "resync" })}\n\n`),
        }),
      );
      // Tell the page once LISTEN is active, so it can refresh anything it rendered before that.
      options.hub.ready().then(
        () => sse.write(`data: ${JSON.stringify({ kind: "ready" })}\n\n`),
        () => sse.close(),
      );
    },
    cancel() {
      channel?.close();
    },
  });
}

export function sseResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      // Compression and proxies must not buffer the stream.
      "content-encoding": "none",
      "x-accel-buffering": "no",
    },
  });
}
