"use client";

import { useEffect, useState } from "react";
import { describeDue } from "@/lib/postmortems/browser";

/** A ticking "due in 47 h 12 min" / "overdue by 3 h". The server renders it with the request's time. */
export function DueCountdown({
  dueAt,
  isFinished,
  renderedAt,
}: {
  dueAt: string;
  isFinished: boolean;
  renderedAt: string;
}) {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const due = describeDue(new Date(dueAt), now, isFinished);
  return (
    <span
      data-testid="postmortem-due"
      className={due.isOverdue ? "font-semibold text-red-400" : "text-zinc-300"}
      suppressHydrationWarning
    >
      {isFinished ? "published" : due.label}
    </span>
  );
}
