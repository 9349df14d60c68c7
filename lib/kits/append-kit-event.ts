import type { DbTransaction } from "../db/client";
import type { EventAuthor } from "../timeline";
import { KIT_EVENT_SCHEMAS, type KitEventKind, type KitEventPayload } from "./kit-event-kinds";

/** One audit entry, inside the caller's transaction (the change and its record commit together). */
export async function appendKitEvent<K extends KitEventKind>(
  tx: DbTransaction,
  event: { kitId: string; kind: K; payload: KitEventPayload<K>; author: EventAuthor },
) {
  const payload = KIT_EVENT_SCHEMAS[event.kind].parse(event.payload);
  return tx.kitEvent.create({
    data: {
      kitId: event.kitId,
      kind: event.kind,
      payload: payload as object,
      authorType: event.author.type,
      authorId: event.author.id,
      authorLabel: event.author.label,
    },
  });
}
