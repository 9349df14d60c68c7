import { decryptSecret } from "../crypto";
import { db } from "../db/client";
import { addJob } from "../jobs";
import { postToPublicUrl } from "../net";
import { DELIVER_NOTIFICATION_TASK, deliveryJobKey } from "./delivery-task-name";

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; timeoutMs: number; leaseMs: number };

/** 5 attempts, 1 s, 2 s, 4 s, 8 s apart; then the dead-letter list in Settings. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
};

export type DeliveryReport = { claimed: number; delivered: number; retried: number; dead: number };

/** Timestamps are `timestamp(3)` without zone, in UTC as Prisma writes them: convert explicitly in raw SQL. */
function utc(date: Date): string {
  return date.toISOString();
}

/**
 * Sends the notifications that are due. Rows are claimed with FOR UPDATE SKIP LOCKED and leased (their
 * nextAttemptAt moves past the send timeout), so several console instances never send one twice, and a row
 * whose instance died mid-send is picked up again when its lease ends. The HTTP call happens outside any
 * transaction. The job runner calls it for one notification (`id`, the delivery job) and, every minute, for
 * all that are due (a backstop for rows queued before the job engine); tests drive it with their own `now`.
 * Our own retry schedule (not graphile's) decides the next attempt: a failed send queues the next job at
 * exactly nextAttemptAt, and the dead letter after maxAttempts stays in this table to be replayed.
 */
export async function deliverDueNotifications(
  options: { now?: Date; limit?: number; policy?: Partial<RetryPolicy>; id?: string } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const leaseUntil = new Date(now.getTime() + Math.max(policy.leaseMs, policy.timeoutMs * 2));
  const claimed = await db().$queryRaw<{ id: string }[]>`
    UPDATE "Notification" SET "nextAttemptAt" = (${utc(leaseUntil)}::timestamptz AT TIME ZONE 'UTC')
    WHERE "id" IN (
      SELECT "id" FROM "Notification"
      WHERE "deliveredAt" IS NULL AND "deadAt" IS NULL
        AND "nextAttemptAt" <= (${utc(now)}::timestamptz AT TIME ZONE 'UTC')
        AND (${options.id ?? null}::text IS NULL OR "id" = ${options.id ?? null})
      ORDER BY "nextAttemptAt"
      LIMIT ${options.limit ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id"`;
  const report: DeliveryReport = { claimed: claimed.length, delivered: 0, retried: 0, dead: 0 };
  if (claimed.length === 0) return report;

  const rows = await db().notification.findMany({ where: { id: { in: claimed.map((row) => row.id) } } });
  const channels = await db().notificationChannel.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.channelId))] } },
  });
  const byId = new Map(channels.map((channel) => [channel.id, channel]));
  await Promise.all(
    rows.map(async (row) => {
      const channel = byId.get(row.channelId);
      const error = channel
        ? await send(channel.urlCipher, row, policy.timeoutMs)
        : "the channel was deleted";
      const attempts = row.attempts + 1;
      if (error === null) {
        await db().notification.update({
          where: { id: row.id },
          data: { attempts, deliveredAt: new Date(), lastError: null },
        });
        report.delivered++;
      } else if (attempts >= policy.maxAttempts || !channel) {
        await db().notification.update({
          where: { id: row.id },
          data: { attempts, deadAt: now, lastError: error },
        });
        report.dead++;
      } else {
        const delay = policy.baseDelayMs * 2 ** (attempts - 1);
        const nextAttemptAt = new Date(now.getTime() + delay);
        await db().notification.update({
          where: { id: row.id },
          data: { attempts, lastError: error, nextAttemptAt },
        });
        await scheduleDelivery(row.id, nextAttemptAt);
        report.retried++;
      }
    }),
  );
  return report;
}

/**
 * null when the receiver took it (2xx); otherwise a short reason that never contains the URL (a secret) and
 * never tells one network failure from another (lib/net/post-to-public-url.ts: that would map the network).
 */
async function send(
  urlCipher: string,
  row: { id: string; event: string; payload: unknown },
  timeoutMs: number,
): Promise<string | null> {
  let url: string;
  try {
    url = decryptSecret(urlCipher);
  } catch (error) {
    return (error as Error).message;
  }
  const result = await postToPublicUrl(url, {
    headers: {
      "content-type": "application/json",
      "user-agent": "Breakglass-Notifier/1",
      "x-breakglass-event": row.event,
      // Receivers deduplicate retries with this.
      "x-breakglass-delivery": row.id,
    },
    body: JSON.stringify(row.payload),
    timeoutMs,
  });
  if (!result.ok) return result.reason;
  return result.status >= 200 && result.status < 300 ? null : `HTTP ${result.status}`;
}

/** Queues (or moves) the one delivery job of a notification to `runAt`. */
export function scheduleDelivery(id: string, runAt: Date): Promise<string> {
  return addJob(DELIVER_NOTIFICATION_TASK, { id }, { runAt, jobKey: deliveryJobKey(id), maxAttempts: 25 });
}
