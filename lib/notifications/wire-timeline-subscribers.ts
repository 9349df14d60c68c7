import { setTimelineSubscribers } from "../timeline";
import { enqueueNotificationsForEvent } from "./enqueue-notifications";

/**
 * What every appended timeline event also does, in its transaction: queue the notifications it announces (a
 * notification exists exactly when its event does). Called once at process start (instrumentation.ts, the
 * integration test setup, the bench runner); lib/timeline refuses to append before.
 */
export function wireTimelineSubscribers(): void {
  setTimelineSubscribers([enqueueNotificationsForEvent]);
}
