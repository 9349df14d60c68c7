/**
 * The route's template for metric labels (`/api/incidents/[ref]/events`), never the path as sent: a label per
 * made-up path (`/api/incidents/<anything>` answering 401) would grow /metrics without bound. The template is
 * the path with each dynamic segment's value put back as its `[name]`: Next gives the values (params), and
 * every other segment is a fixed part of some route file. When the values cannot be placed, or can be placed
 * in more than one way (a value equal to a fixed segment of the same path), the label is `(unmatched)`: still
 * one label, never the caller's text.
 */
export async function routeTemplate(pathname: string, params: Promise<unknown>): Promise<string> {
  let values: Record<string, unknown>;
  try {
    values = ((await params) ?? {}) as Record<string, unknown>;
  } catch {
    return "(unmatched)";
  }
  const segments = pathname.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const entries = Object.entries(values).map(([name, value]) => ({
    name,
    isCatchAll: Array.isArray(value),
    parts: (Array.isArray(value) ? value : [value]).map(String),
  }));
  const labels = new Set<string>();
  // Every way to place the parameters, in their order along the path, on segments equal to their values.
  const place = (index: number, from: number, labelled: string[]): void => {
    if (labels.size > 1) return;
    const entry = entries[index];
    if (!entry) {
      labels.add(labelled.filter((segment) => segment !== "\u0000").join("/"));
      return;
    }
    for (let start = from; start + entry.parts.length <= segments.length; start++) {
      if (!entry.parts.every((part, offset) => segments[start + offset] === part)) continue;
      const next = [...labelled];
      next[start] = entry.isCatchAll ? `[...${entry.name}]` : `[${entry.name}]`;
      for (let offset = 1; offset < entry.parts.length; offset++) next[start + offset] = "\u0000";
      place(index + 1, start + entry.parts.length, next);
    }
  };
  place(0, 1, segments);
  return labels.size === 1 ? [...labels][0]! : "(unmatched)";
}
