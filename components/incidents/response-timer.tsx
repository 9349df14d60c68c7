"use client";

import { useEffect, useState } from "react";
import { computeUpdateReminder } from "@/lib/comms";
import { computeResponseTimer } from "@/lib/incidents/browser";
import { formatCountdown, formatUtcTime } from "@/lib/time";

/**
 * The clock, starting from the server's render time so the first client render is the server's HTML
 * exactly (a `new Date()` here differed by the time between the two: a hydration mismatch on every page).
 */
function useNow(renderedAt: string): Date {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Acknowledge-by countdown (loud when overdue) and the next-update-due reminder, ticking every second. */
export function ResponseTimers(props: {
  declaredAt: string;
  acknowledgedAt: string | null;
  responseTargetSeconds: number;
  nextUpdateDueAt: string | null;
  isResolved: boolean;
  /** When the server rendered the page (ISO). */
  renderedAt: string;
}) {
  const now = useNow(props.renderedAt);
  const timer = computeResponseTimer({
    declaredAt: new Date(props.declaredAt),
    acknowledgedAt: props.acknowledgedAt ? new Date(props.acknowledgedAt) : null,
    responseTargetSeconds: props.responseTargetSeconds,
    now,
  });
  const reminder = computeUpdateReminder({
    nextUpdateDueAt: props.nextUpdateDueAt && !props.isResolved ? new Date(props.nextUpdateDueAt) : null,
    now,
  });
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      {timer.state === "overdue" ? (
        <div
          role="alert"
          data-testid="response-timer"
          data-state="overdue"
          className="flex-1 animate-pulse rounded-md border-2 border-red-500 bg-red-950 px-3 py-2 font-bold text-red-100"
        >
          ACKNOWLEDGE OVERDUE by {formatCountdown(timer.overdueSeconds)} (target {formatUtcTime(timer.dueAt)})
        </div>
      ) : timer.state === "pending" ? (
        <div
          data-testid="response-timer"
          data-state="pending"
          className="flex-1 rounded-md border border-amber-600 bg-amber-950/60 px-3 py-2 text-amber-100"
        >
          Acknowledge by {formatUtcTime(timer.dueAt)} ·{" "}
          <span className="font-mono font-bold tabular-nums">{formatCountdown(timer.remainingSeconds)}</span>{" "}
          left
        </div>
      ) : (
        <div
          data-testid="response-timer"
          data-state="acknowledged"
          className="flex-1 rounded-md border border-zinc-700 px-3 py-2 text-zinc-300"
        >
          Acknowledged after {formatCountdown(timer.tookSeconds)}{" "}
          {timer.isWithinTarget ? "(within target)" : <span className="text-red-300">(target missed)</span>}
        </div>
      )}
      {reminder.state === "none" ? null : (
        <div
          data-testid="update-reminder"
          data-state={reminder.state}
          className={`flex-1 rounded-md px-3 py-2 ${reminder.state === "overdue" ? "border-2 border-red-500 bg-red-950 font-bold text-red-100" : "border border-zinc-700 text-zinc-300"}`}
        >
          {reminder.state === "overdue"
            ? `STATUS UPDATE OVERDUE by ${formatCountdown(reminder.overdueSeconds)}`
            : `Next update due ${formatUtcTime(reminder.dueAt)} (${formatCountdown(reminder.remainingSeconds)})`}
        </div>
      )}
    </div>
  );
}
