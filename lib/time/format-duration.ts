// Every way the console writes a span of time, in one place. Each style has a reader: pick by where the text
// is read, not by taste (the tests beside this file are the contract of each).

/** A span in words: `45 s`, `12 min`, `2 h 15 min`, `3 d 4 h` (post-mortems, due dates). Sign is dropped. */
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

/** 75 → "1:15", 3725 → "1:02:05": a countdown a stressed reader takes in at a glance. */
export function formatCountdown(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/** 4000 → "1 hour 7 minutes": a status update's prose ("ongoing for …"), rounded to the minute. */
export function formatDurationInProse(seconds: number): string {
  const minutes = Math.max(0, Math.round(seconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? "" : "s"} ${m} minute${m === 1 ? "" : "s"}`;
}

/** 42 → "42s", 330 → "5m 30s", 7260 → "2h 1m", 200000 → "2d 7h": short enough for a chart label. */
export function formatShortDuration(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) {
    const rest = seconds % 60;
    return `${Math.floor(seconds / 60)}m${rest ? ` ${rest}s` : ""}`;
  }
  if (seconds < 86_400) {
    const rest = Math.floor((seconds % 3600) / 60);
    return `${Math.floor(seconds / 3600)}h${rest ? ` ${rest}m` : ""}`;
  }
  const rest = Math.floor((seconds % 86_400) / 3600);
  return `${Math.floor(seconds / 86_400)}d${rest ? ` ${rest}h` : ""}`;
}

/** 3900 → "1 h 05 min", 303 → "5 min 03 s": time left on a timelock, ticking, so the width holds still. */
export function formatRemaining(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0
    ? `${h} h ${String(m).padStart(2, "0")} min`
    : m > 0
      ? `${m} min ${String(s).padStart(2, "0")} s`
      : `${s} s`;
}

/** 86400 → "24 h", 5400 → "1 h 30 min", 45 → "45 s", 172800 → "2 days": how a runbook's wait step reads. */
export function formatWait(seconds: number): string {
  if (seconds >= 86400 && seconds % 86400 === 0 && seconds / 86400 >= 2) return `${seconds / 86400} days`;
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [
    hours ? `${hours} h` : "",
    minutes ? `${minutes} min` : "",
    rest && !hours ? `${rest} s` : "",
  ];
  return parts.filter(Boolean).join(" ") || "0 s";
}
