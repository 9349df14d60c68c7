import type { EventAuthor } from "../timeline";

/** Events an alert writes are authored by its source, so the timeline says which monitor spoke. */
export function alertAuthor(source: { id: string; name: string }): EventAuthor {
  return { type: "alert", id: source.id, label: source.name };
}
