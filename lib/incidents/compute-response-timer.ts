/**
 * The acknowledge-by timer of an incident, from the response target of the severity it was declared with.
 * Pure: the page ticks it every second with the browser's clock, tests drive it with a fixed `now`.
 */
export type ResponseTimer =
  | { state: "pending"; dueAt: Date; remainingSeconds: number }
  | { state: "overdue"; dueAt: Date; overdueSeconds: number }
  | {
      state: "acknowledged";
      dueAt: Date;
      acknowledgedAt: Date;
      isWithinTarget: boolean;
      tookSeconds: number;
    };

export function computeResponseTimer(options: {
  declaredAt: Date;
  acknowledgedAt: Date | null;
  responseTargetSeconds: number;
  now: Date;
}): ResponseTimer {
  const dueAt = new Date(options.declaredAt.getTime() + options.responseTargetSeconds * 1000);
  if (options.acknowledgedAt) {
    return {
      state: "acknowledged",
      dueAt,
      acknowledgedAt: options.acknowledgedAt,
      isWithinTarget: options.acknowledgedAt.getTime() <= dueAt.getTime(),
      tookSeconds: Math.max(
        0,
        Math.floor((options.acknowledgedAt.getTime() - options.declaredAt.getTime()) / 1000),
      ),
    };
  }
  const remainingMs = dueAt.getTime() - options.now.getTime();
  // At the target itself the time is up: "within 15 min" means before 15:00 has passed.
  if (remainingMs <= 0)
    return { state: "overdue", dueAt, overdueSeconds: Math.floor(Math.abs(remainingMs) / 1000) };
  return { state: "pending", dueAt, remainingSeconds: Math.ceil(remainingMs / 1000) };
}
