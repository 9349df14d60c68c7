// The reader's own local time, for the hover title beside a UTC time. It means something only in the
// browser (on the server it would be the server's zone): utc-time.tsx formats it on hover, the timelock card
// once the incident's chain reads load after the page.

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
