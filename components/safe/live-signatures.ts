"use client";

import { useSyncExternalStore } from "react";

/**
 * Signatures the live stream announced since the page was rendered, by proposal: the page shows them the
 * moment the event arrives (the event carries the owner and the count), while a re-render fetches the rest
 * from the server in the background. Without this, a signature appeared only after that re-render, which
 * under load (twenty signers, twenty pages) waited behind every other page's render.
 */
export type LiveSigned = { count: number; threshold: number; owners: ReadonlyMap<string, string> };

const store = new Map<string, LiveSigned>();
const listeners = new Set<() => void>();

export function publishSigned(
  proposalId: string,
  event: { owner: string; count: number; threshold: number; at: string },
): void {
  const previous = store.get(proposalId);
  const owners = new Map(previous?.owners ?? []);
  owners.set(event.owner.toLowerCase(), event.at);
  store.set(proposalId, {
    // Events of one proposal can arrive out of order across reconnects: the count only grows.
    count: Math.max(previous?.count ?? 0, event.count),
    threshold: event.threshold,
    owners,
  });
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveSigned(proposalId: string | undefined): LiveSigned | null {
  return useSyncExternalStore(
    subscribe,
    () => (proposalId ? (store.get(proposalId) ?? null) : null),
    () => null,
  );
}
