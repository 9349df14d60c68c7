import { z } from "zod";
import { db } from "../db/client";
import { defineCron, defineTask } from "../jobs";
import { deliverDueNotifications, scheduleDelivery } from "./deliver-due-notifications";
import { DELIVER_NOTIFICATION_TASK } from "./delivery-task-name";

/**
 * One delivery attempt for one notification. If another worker holds its lease (it is sending, or died while
 * sending), the job moves itself to the lease's end instead of sending: the row, not the job, is the truth.
 */
export const deliverNotificationTask = defineTask({
  name: DELIVER_NOTIFICATION_TASK,
  payload: z.object({ id: z.string().min(1) }),
  maxAttempts: 25,
  run: async ({ id }) => {
    const report = await deliverDueNotifications({ id, limit: 1 });
    if (report.claimed > 0) return;
    const row = await db().notification.findUnique({
      where: { id },
      select: { deliveredAt: true, deadAt: true, nextAttemptAt: true },
    });
    if (row && !row.deliveredAt && !row.deadAt) await scheduleDelivery(id, row.nextAttemptAt);
  },
});

/** Every minute, anything due that has no job (queued before the job engine existed, or a lost job). */
export const sweepNotificationsTask = defineTask({
  name: "notifications.sweep",
  payload: z.object({}).passthrough(),
  maxAttempts: 1,
  run: async () => {
    for (let pass = 0; pass < 10; pass++) {
      const report = await deliverDueNotifications({ limit: 50 });
      if (report.claimed < 50) break;
    }
  },
});

export const sweepNotificationsCron = defineCron({
  identifier: "notifications.sweep",
  schedule: "* * * * *",
  task: sweepNotificationsTask,
});
