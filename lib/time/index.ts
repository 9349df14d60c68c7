// Durations and UTC times: pure, shared by server and browser code (part of the kernel).
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
