import pg from "pg";
import { db } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";

/** What a subscriber hears: committed events, and "resync" when notifications may have been missed. */
export type HubSubscriber = {
  /** An incident id, or "*" for every incident (the incident list). */
  incidentId: string;
  onEvent: (event: TimelineEvent) => void;
  /** The LISTEN connection dropped and came back: re-read from your last id. */
  onResync: () => void;
};

type Notification = { id: number; incidentId: string };

const CHANNEL = "timeline_events";

/**
 * One LISTEN connection per server process, fanned out to every SSE client of that process. The trigger
 * on TimelineEvent notifies on commit, so every instance sharing the database hears every event. Each event
 * is read once per process however many clients watch it.
 */
export class TimelineHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly subscribers = new Set<HubSubscriber>();
  private retryMs = 250;
  private isClosed = false;

  constructor(private readonly connectionString: string) {}

  subscribe(subscriber: HubSubscriber): () => void {
    this.subscribers.add(subscriber);
    void this.connect();
    return () => this.subscribers.delete(subscriber);
  }

  /** Resolves once LISTEN is active (streams wait for it before their catch-up read: no gap between). */
  ready(): Promise<void> {
    return this.connect();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private connect(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) void this.dispatch(message.payload);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      this.scheduleReconnect();
      throw error;
    }
    if (this.isClosed) {
      await client.end().catch(() => {});
      return;
    }
    const isReconnect = this.retryMs > 250;
    this.client = client;
    this.retryMs = 250;
    // While we were not listening, notifications were lost: every stream re-reads from its last id.
    if (isReconnect) for (const subscriber of this.subscribers) subscriber.onResync();
  }

  private scheduleReconnect(): void {
    if (this.isClosed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 5_000);
    setTimeout(() => {
      void this.connect().catch(() => {});
    }, delay).unref();
  }

  private async dispatch(payload: string): Promise<void> {
    let note: Notification;
    try {
      note = JSON.parse(payload) as Notification;
    } catch {
      return;
    }
    const interested = [...this.subscribers].filter(
      (subscriber) => subscriber.incidentId === "*" || subscriber.incidentId === note.incidentId,
    );
    if (interested.length === 0) return;
    let event: TimelineEvent | null;
    try {
      event = await db().timelineEvent.findUnique({ where: { id: note.id } });
    } catch {
      // Could not read it now: the streams re-read from their last id rather than skip it.
      for (const subscriber of interested) subscriber.onResync();
      return;
    }
    if (!event) return;
    for (const subscriber of interested) subscriber.onEvent(event);
  }
}

const globalForHub = globalThis as unknown as { breakglassTimelineHub?: TimelineHub };

/** The process's hub (kept on globalThis: Next dev reloads modules). */
export function timelineHub(): TimelineHub {
  if (!globalForHub.breakglassTimelineHub) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForHub.breakglassTimelineHub = new TimelineHub(url);
  }
  return globalForHub.breakglassTimelineHub;
}
