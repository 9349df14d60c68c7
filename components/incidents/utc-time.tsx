"use client";

import { formatLocalDateTime, formatUtcTime } from "@/lib/time";

/**
 * `HH:MM UTC` as the runbooks write times; the reader's local time on hover. The local time is formatted when
 * the pointer first reaches it, not while the page hydrates: the page's first date formatter loads the
 * browser's locale data, 20–40 ms of main thread on this machine, which a timeline of rows paid before a
 * responder could click anything.
 */
export function UtcTime({ at, withDate = false }: { at: Date | string; withDate?: boolean }) {
  const date = typeof at === "string" ? new Date(at) : at;
  const iso = date.toISOString();
  return (
    <time
      dateTime={iso}
      onPointerEnter={(event) => {
        if (!event.currentTarget.title) event.currentTarget.title = formatLocalDateTime(date);
      }}
      className="tabular-nums"
    >
      {withDate ? `${iso.slice(0, 10)} ` : ""}
      {formatUtcTime(date)}
    </time>
  );
}
