import type { DbTransaction } from "../db/client";
// The file, not lib/jobs/index.ts (as enqueue-notifications.ts): queueing needs only the SQL call.
import { addJobs } from "../jobs/add-job";
import { DELIVER_NOTIFICATION_TASK, deliveryJobKey } from "./delivery-task-name";
import type { NotificationEvent } from "./schemas";

/** A notification about no incident (an emergency kit went stale): same channels, same delivery worker. */
export type StandaloneMessage = {
  event: NotificationEvent;
  text: string;
  url: string | null;
  details: Record<string, unknown>;
};

/** Queued inside the caller's transaction, like the incident notifications (enqueue-notifications.ts). */
export async function enqueueStandaloneNotification(
  tx: DbTransaction,
  message: StandaloneMessage,
): Promise<number> {
  const channels = await tx.notificationChannel.findMany({
    where: { isEnabled: true, events: { has: message.event } },
    select: { id: true, kind: true },
  });
  if (channels.length === 0) return 0;
  const occurredAt = new Date().toISOString();
  const rows = await tx.notification.createManyAndReturn({
    data: channels.map((channel) => ({
      channelId: channel.id,
      event: message.event,
      payload: (channel.kind === "slack"
        ? {
            text: message.text,
            blocks: [
              {
                type: "section",
                text: {
                  type: "mrkdwn",
                  text: `${escapeSlack(message.text)}${message.url ? ` <${message.url}|Open>` : ""}`,
                },
              },
            ],
          }
        : { source: "breakglass", ...message, occurredAt }) as object,
      nextAttemptAt: new Date(),
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

function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
