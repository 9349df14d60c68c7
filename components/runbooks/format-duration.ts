/** 86400 → "24 h", 5400 → "1 h 30 min", 45 → "45 s": how a wait step reads at a glance. */
export function formatDuration(seconds: number): string {
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
