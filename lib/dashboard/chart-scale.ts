/** A round upper bound for an axis: 37 → 40, 0.7 → 1, 1234 → 1500; at least 1 so empty charts still draw. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 1) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((s) => s * magnitude >= value)!;
  return step * magnitude;
}

/** A round upper bound for a duration axis in seconds, in units a reader counts in (minutes, hours, days). */
export function niceDurationCeiling(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 60) return 60;
  const unit = seconds <= 3600 ? 60 : seconds <= 2 * 86_400 ? 3600 : 86_400;
  return niceCeiling(seconds / unit) * unit;
}

/** `count` evenly spaced ticks from 0 to max inclusive. */
export function axisTicks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (max * index) / count);
}
