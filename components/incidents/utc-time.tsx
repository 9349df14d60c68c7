"use client";

import { formatUtcTime } from "@/lib/time";

/** `HH:MM UTC` as the runbooks write times; the reader's local time on hover. */
export function UtcTime({ at, withDate = false }: { at: Date | string; withDate?: boolean }) {
  const date = typeof at === "string" ? new Date(at) : at;
  const iso = date.toISOString();
  return (
    <time
      dateTime={iso}
      title={date.toLocaleString()}
      // The server renders in its own time zone: the local-time title is filled in by the browser.
      suppressHydrationWarning
      className="tabular-nums"
    >
      {withDate ? `${iso.slice(0, 10)} ` : ""}
      {formatUtcTime(date)}
    </time>
  );
}
