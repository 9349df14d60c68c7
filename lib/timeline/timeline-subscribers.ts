import type { DbTransaction } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";

/** Work that happens in the transaction of every appended event (today: queueing outgoing notifications). */
export type TimelineSubscriber = (tx: DbTransaction, event: TimelineEvent) => Promise<unknown>;

// The timeline is the kernel: it cannot import the domains that react to it, so each process wires them once
// at start (instrumentation.ts for the server; the test setup and the bench runner for theirs). Kept on
// globalThis because Next bundles instrumentation.ts and the routes separately: a module-level variable could
// exist twice in one server process.
const KEY = Symbol.for("breakglass.timeline.subscribers");
type Holder = { [KEY]?: readonly TimelineSubscriber[] };

export function setTimelineSubscribers(subscribers: readonly TimelineSubscriber[]): void {
  (globalThis as Holder)[KEY] = subscribers;
}

/** Refuses to run unwired: an event appended without its subscribers would lose its notifications silently. */
export function timelineSubscribers(): readonly TimelineSubscriber[] {
  const subscribers = (globalThis as Holder)[KEY];
  if (!subscribers) {
    throw new Error(
      "The timeline's subscribers are not wired in this process: call wireTimelineSubscribers() from lib/notifications at start.",
    );
  }
  return subscribers;
}
