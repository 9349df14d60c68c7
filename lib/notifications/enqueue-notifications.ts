import type { DbTransaction } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
// The file, not lib/jobs/index.ts: queueing needs only the SQL call, not the runner and its dependencies.
import { addJobs } from "../jobs/add-job";
import { buildNotificationMessage, notificationEventFor } from "./build-notification-message";
import { DELIVER_NOTIFICATION_TASK, deliveryJobKey } from "./delivery-task-name";
import { renderNotification } from "./render-notification";

/**
 * A timeline subscriber (wire-timeline-subscribers.ts): runs for every appended event, in its transaction: a
 * notification exists exactly when the event it announces does (no notification for a rolled-back change,
 * none lost after a commit), and so does its delivery job (graphile-worker's add_job in the same
 * transaction). Delivery happens in the job runner, outside the request (deliver-due-notifications.ts).
 * Kinds that notify nobody cost nothing.
 */
export async function enqueueNotificationsForEvent(tx: DbTransaction, event: TimelineEvent): Promise<number> {
  const kind = notificationEventFor(event.kind);
  if (!kind) return 0;
  const channels = await tx.notificationChannel.findMany({
    where: { isEnabled: true, events: { has: kind } },
    select: { id: true, kind: true },
  });
  if (channels.length === 0) return 0;
  const message = await buildNotificationMessage(tx, event, kind);
  if (!message) return 0;
  const now = new Date();
  const rows = await tx.notification.createManyAndReturn({
    data: channels.map((channel) => ({
      channelId: channel.id,
      event: kind,
      payload: renderNotification(channel.kind, message) as object,
      nextAttemptAt: now,
    })),
    select: { id: true },
  });
  await addJobs(
    DELIVER_NOTIFICATION_TASK,
    rows.map((row) => ({ payload: { id: row.id }, jobKey: deliveryJobKey(row.id) })),
    { tx, maxAttempts: 25 },
  );
  return channels.length;
}
