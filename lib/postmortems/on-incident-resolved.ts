import type { DbTransaction } from "../db/client";
import type { Incident } from "../db/generated/client";
import type { EventAuthor } from "../timeline";

/**
 * Called inside the transaction that resolves an incident: drafts its post-mortem. (Filled in by the
 * post-mortem work; resolving must not depend on what it does beyond the transaction.)
 */
export async function onIncidentResolved(
  _tx: DbTransaction,
  _incident: Incident,
  _author: EventAuthor,
): Promise<void> {}
