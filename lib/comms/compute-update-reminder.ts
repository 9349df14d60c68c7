/** The "next update due" reminder: how long until the next status update is owed, or how late it is. */
export type UpdateReminder =
  | { state: "none" }
  | { state: "due"; dueAt: Date; remainingSeconds: number }
  | { state: "overdue"; dueAt: Date; overdueSeconds: number };

export function computeUpdateReminder(options: { nextUpdateDueAt: Date | null; now: Date }): UpdateReminder {
  if (!options.nextUpdateDueAt) return { state: "none" };
  const remainingMs = options.nextUpdateDueAt.getTime() - options.now.getTime();
  if (remainingMs <= 0)
    return {
      state: "overdue",
      dueAt: options.nextUpdateDueAt,
      overdueSeconds: Math.floor(Math.abs(remainingMs) / 1000),
    };
  return { state: "due", dueAt: options.nextUpdateDueAt, remainingSeconds: Math.ceil(remainingMs / 1000) };
}
