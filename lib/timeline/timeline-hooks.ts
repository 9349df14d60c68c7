import type { DbTransaction } from "../db/client";
import type { TimelineEvent } from "../db/generated/client";
import type { TimelineEventKind } from "./event-kinds";

export type TimelineHook = (tx: DbTransaction, event: TimelineEvent) => Promise<void>;

// On globalThis: Next loads instrumentation.ts and the route handlers as separate module graphs in one
// process, and hooks registered at start must be seen by both.
const state = globalThis as unknown as {
  breakglassTimelineHooks?: Map<string, { kinds: Set<string>; hook: TimelineHook }>;
};
if (!state.breakglassTimelineHooks) state.breakglassTimelineHooks = new Map();
const hooks = state.breakglassTimelineHooks;

/**
 * Lets a higher domain react to a timeline event inside the event's own transaction without lib/timeline
 * (or the domain that wrote the event) importing it: the edge (lib/tasks) registers, typically a hook that
 * queues a job with `{ tx }`, so the reaction exists exactly when the change commits. Registering the same
 * name again replaces the hook (dev reloads).
 */
export function registerTimelineHook(name: string, kinds: TimelineEventKind[], hook: TimelineHook): void {
  hooks.set(name, { kinds: new Set(kinds), hook });
}

/** Removes a hook (a benchmark that wired them for its own database ends with that database). */
export function unregisterTimelineHook(name: string): void {
  hooks.delete(name);
}

export async function runTimelineHooks(tx: DbTransaction, event: TimelineEvent): Promise<void> {
  for (const { kinds, hook } of hooks.values()) if (kinds.has(event.kind)) await hook(tx, event);
}
