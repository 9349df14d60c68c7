/** The fields of an AlertRoute that decide a match (a pure function: unit-tested, and cheap per alert). */
export type RouteRule = {
  id: string;
  matchAlertName: string | null;
  matchLabels: unknown;
  severityName: string;
  runbookAnchors: string[];
  priority: number;
  isEnabled: boolean;
  createdAt: Date;
};

/**
 * The first enabled route, by priority (lower first, then oldest), whose alert name (if set) equals the
 * alert's and whose labels all equal the alert's. A route with neither matches everything: a catch-all.
 */
export function matchAlertRoute<R extends RouteRule>(
  routes: readonly R[],
  alert: { name: string; labels: Record<string, string> },
): R | null {
  const ordered = [...routes].sort(
    (a, b) => a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  for (const route of ordered) {
    if (!route.isEnabled) continue;
    if (route.matchAlertName !== null && route.matchAlertName !== alert.name) continue;
    const labels = (route.matchLabels ?? {}) as Record<string, unknown>;
    const isMatch = Object.entries(labels).every(([key, value]) => alert.labels[key] === String(value));
    if (isMatch) return route;
  }
  return null;
}
