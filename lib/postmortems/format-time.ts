/**
 * Time formats for post-mortems. Everything is UTC and computed from the Date alone (never the machine's
 * zone or locale), so a draft and its export are the same on every server and in tests.
 */
function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** 2025-03-01 */
export function formatUtcDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 14:05 UTC */
export function formatUtcTime(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** 2025-03-01 14:05 UTC */
export function formatUtcDateTime(date: Date): string {
  return `${formatUtcDate(date)} ${formatUtcTime(date)}`;
}

/** A span in words: `45 s`, `12 min`, `2 h 15 min`, `3 d 4 h`. Negative spans are shown as their size. */
export function formatDuration(milliseconds: number): string {
  const totalSeconds = Math.floor(Math.abs(milliseconds) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const totalHours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (totalHours < 24) return minutes ? `${totalHours} h ${minutes} min` : `${totalHours} h`;
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return hours ? `${days} d ${hours} h` : `${days} d`;
}
