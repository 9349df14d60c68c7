import { formatDuration } from "../time";

/** "Post-incident review within 48 hours" (pil.md, musd-protocol.md, mpc-wallet.md): the default for any level. */
export const DEFAULT_POSTMORTEM_DUE_SECONDS = 48 * 60 * 60;

/** When the post-mortem is due: resolution plus the severity level's allowance (48 h when unknown). */
export function computePostMortemDueAt(resolvedAt: Date, dueSeconds: number | null | undefined): Date {
  const seconds = dueSeconds && dueSeconds > 0 ? dueSeconds : DEFAULT_POSTMORTEM_DUE_SECONDS;
  return new Date(resolvedAt.getTime() + seconds * 1000);
}

/** Within three days, hours read better than days for a deadline ("47 h 12 min", not "1 d 23 h"). */
function formatRemaining(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  if (minutes >= 72 * 60 || minutes < 60) return formatDuration(milliseconds);
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`;
}

export type DueState = { isOverdue: boolean; label: string };

/**
 * The countdown text. Published post-mortems and finished action items are never overdue; `now` is passed
 * in so the same function serves the server render, the ticking client and tests with a fixed clock.
 */
export function describeDue(dueAt: Date, now: Date, isFinished = false): DueState {
  if (isFinished) return { isOverdue: false, label: "done" };
  const remaining = dueAt.getTime() - now.getTime();
  if (remaining < 0) return { isOverdue: true, label: `overdue by ${formatRemaining(remaining)}` };
  return { isOverdue: false, label: `due in ${formatRemaining(remaining)}` };
}
