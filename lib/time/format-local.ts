// The reader's own local time, for the hover title beside a UTC time: browser code only means something here
// (the server renders in its own zone, and the title is left to the browser to fill in).

let formatter: Intl.DateTimeFormat | null = null;

/**
 * What `date.toLocaleString()` prints, through one formatter made on first use. The first one in a page loads
 * the locale's data (20–40 ms in Chromium here): callers format on demand (utc-time.tsx, on hover), not
 * for every row while a page hydrates.
 */
export function formatLocalDateTime(date: Date): string {
  formatter ??= new Intl.DateTimeFormat(undefined, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return formatter.format(date);
}
