// Times as people read them on the console, in drafts and exports: always UTC and computed from the Date
// alone (never the machine's zone or locale), so the server, the browser and the tests print the same text.

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** 2025-03-01 */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** `14:05 UTC`, as the runbooks' templates write times. */
export function formatUtcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** 2025-03-01 14:05 UTC */
export function formatUtcDateTime(date: Date): string {
  return `${formatUtcDate(date)} ${formatUtcTime(date)}`;
}
