// Durations and UTC times, shared by server and browser code (part of the kernel), and the reader's local
// time for hover titles (format-local.ts).
export {
  formatCountdown,
  formatDuration,
  formatDurationInProse,
  formatRemaining,
  formatShortDuration,
  formatWait,
} from "./format-duration";
export { formatLocalDateTime } from "./format-local";
export { formatUtcDate, formatUtcDateTime, formatUtcTime } from "./format-utc";
