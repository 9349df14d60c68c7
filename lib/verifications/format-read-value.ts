/** A decoded read as cast prints it: `true`, `1000`, `0xabc…`, tuples as `(a, b)`. */
export function formatReadValue(value: unknown): string {
  if (Array.isArray(value)) return `(${value.map(formatReadValue).join(", ")})`;
  if (typeof value === "bigint") return value.toString();
  return String(value);
}
