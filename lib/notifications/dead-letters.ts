import { db } from "../db/client";
import { AppError } from "../errors";
import { scheduleDelivery } from "./deliver-due-notifications";

export type DeadLetter = {
  id: string;
  channelName: string;
  event: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
};

export async function listDeadLetters(limit = 100): Promise<DeadLetter[]> {
  const rows = await db().notification.findMany({
    where: { deadAt: { not: null }, deliveredAt: null },
    orderBy: { deadAt: "desc" },
    take: limit,
  });
  const channels = await db().notificationChannel.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.channelId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(channels.map((channel) => [channel.id, channel.name]));
  return rows.map((row) => ({
    id: row.id,
    channelName: names.get(row.channelId) ?? "(deleted channel)",
    event: row.event,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    deadAt: row.deadAt!,
  }));
}

/** Puts a dead letter back in the queue with a fresh set of attempts and a delivery job due now. */
export async function replayNotification(id: string, now = new Date()): Promise<void> {
  const { count } = await db().notification.updateMany({
    where: { id, deadAt: { not: null }, deliveredAt: null },
    data: { deadAt: null, attempts: 0, nextAttemptAt: now },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such dead-lettered notification.");
  await scheduleDelivery(id, now);
}
