import type { TimelineEvent } from "../db/generated/client";
import { toApiEvent } from "../incidents/api/serialize";
import { listTimelineEvents } from "../incidents/list-timeline-events";
import { openSseChannel, type SseChannel } from "./sse-channel";
import type { TimelineHub } from "./timeline-hub";

/** `Last-Event-ID` (sent by EventSource on reconnect) or `?after=` (the id the page was rendered with). */
export function lastEventIdFrom(request: Request): number {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after") ?? "0";
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/**
 * The SSE stream of one incident's timeline. It subscribes to the hub first and waits until LISTEN is
 * active, then sends every event with id > lastEventId from the database, then the live ones, buffered
 * meanwhile and de-duplicated by id: nothing committed after the connect can fall between the two.
 * Each message carries its event id, so the browser's automatic reconnect resumes with Last-Event-ID.
 */
export function createIncidentEventStream(options: {
  hub: TimelineHub;
  incidentId: string;
  lastEventId: number;
  signal?: AbortSignal;
  heartbeatMs?: number;
}): ReadableStream<Uint8Array> {
  let channel: SseChannel | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const sse = openSseChannel(controller, options);
      channel = sse;
      let lastSentId = options.lastEventId;
      const sentIds = new Set<number>();
      let buffer: TimelineEvent[] | null = [];
      const send = (event: TimelineEvent) => {
        if (event.id <= options.lastEventId || sentIds.has(event.id)) return;
        sentIds.add(event.id);
        lastSentId = Math.max(lastSentId, event.id);
        sse.write(`id: ${event.id}\ndata: ${JSON.stringify(toApiEvent(event))}\n\n`);
      };
      const catchUp = async () => {
        buffer ??= [];
        try {
          const missed = await listTimelineEvents({ incidentId: options.incidentId, afterId: lastSentId });
          for (const event of missed) send(event);
        } catch {
          // The database is unreachable: close, and the browser reconnects with its Last-Event-ID.
          sse.close();
          return;
        }
        const pending = buffer;
        buffer = null;
        for (const event of pending.sort((a, b) => a.id - b.id)) send(event);
      };
      sse.onClose(
        options.hub.subscribe({
          incidentId: options.incidentId,
          onEvent: (event) => (buffer ? buffer.push(event) : send(event)),
          onResync: () => void catchUp(),
        }),
      );
      try {
        await options.hub.ready();
      } catch {
        sse.close();
        return;
      }
      await catchUp();
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
